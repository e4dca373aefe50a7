// Starts GraphiQL against this server's /graphql, with an example query. Served from this
// server (no CDN), so the explorer works on a closed network.
(function () {
  var example = [
    '# Plan Graph: try Ctrl-Enter',
    '{',
    '  district(name: "忠县") {',
    '    name code region { name }',
    '    tasks(first: 5) { totalCount edges { node { text source { quote line } } } }',
    '  }',
    '}',
  ].join('\n');
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: example }));
})();
