// 原文: the plan text at any node (#source/<id>), the quote highlighted, with a breadcrumb
// (plan › chapter › section › measure), a table of contents and a share link with a copy button.
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;
  const SPAN = '{ quote path start end line endLine }';
  const WHERE = 'chapter { id number title } section { id number title }';
  const NODE = 'query($id: ID!) { node(id: $id) { __typename id' +
    ' ... on Task { text kind source ' + SPAN + ' ' + WHERE + ' measure { id title } box { id number title } ' + PG.BODY_LINKS + ' }' +
    ' ... on Measure { measureTitle: title source ' + SPAN + ' ' + WHERE + ' }' +
    ' ... on Indicator { name source ' + SPAN + ' }' +
    ' ... on Target { text source ' + SPAN + ' }' +
    ' ... on Project { name source ' + SPAN + ' }' +
    ' ... on PilotZone { name source ' + SPAN + ' }' +
    ' ... on Chapter { number title source ' + SPAN + ' }' +
    ' ... on Section { number title source ' + SPAN + ' parentChapter: chapter { id number title } }' +
    ' ... on Box { number title source ' + SPAN + ' parentChapter: chapter { id number title } } } }';

  function planText() {
    if (PG.state.text) return Promise.resolve(PG.state.text);
    return PG.gql('query($p: ID) { plan(id: $p) { text } }', { p: PG.state.plan.id }).then(function (d) { PG.state.text = d.plan.text; return PG.state.text; });
  }

  function toc(current) {
    const nav = PG.clear(document.getElementById('source-toc'));
    nav.appendChild(el('h2', { class: 'toc-title', text: '目录' }));
    nav.appendChild(el('ol', {}, PG.state.chapters.map(function (c) {
      return el('li', {}, [
        el('a', { href: '#source/' + c.id, 'aria-current': current && current.chapter === c.id && !current.section ? 'location' : null, text: '第' + c.number + '章 ' + c.title }),
        c.sections.length ? el('ol', {}, c.sections.map(function (s) { return el('li', {}, [el('a', { href: '#source/' + s.id, 'aria-current': current && current.section === s.id ? 'location' : null, text: '第' + s.number + '节 ' + s.title })]); })) : null,
      ]);
    })));
  }

  function crumbs(node) {
    const nav = PG.clear(document.getElementById('source-crumbs'));
    const parts = [el('a', { href: '#source', text: PG.state.plan.title })];
    const chapter = node.__typename === 'Chapter' ? node : node.chapter || node.parentChapter;
    if (chapter) parts.push(el('a', { href: '#source/' + chapter.id, text: '第' + chapter.number + '章 ' + chapter.title }));
    const section = node.__typename === 'Section' ? node : node.section;
    if (section && node.__typename !== 'Section') parts.push(el('a', { href: '#source/' + section.id, text: '第' + section.number + '节 ' + section.title }));
    if (node.measure) parts.push(el('a', { href: '#source/' + node.measure.id, text: node.measure.title || '段落' }));
    if (node.box) parts.push(el('a', { href: '#source/' + node.box.id, text: '专栏' + node.box.number + ' ' + node.box.title }));
    const ol = el('ol', {}, parts.map(function (p) { return el('li', {}, [p]); }));
    ol.appendChild(el('li', { 'aria-current': 'page', text: label(node) }));
    nav.appendChild(ol);
  }

  function label(node) {
    const kind = node.__typename === 'Task' && node.kind !== 'sentence' ? PG.TASK_KIND[node.kind] || '任务' : PG.KIND[node.__typename] || node.__typename;
    if (node.__typename === 'Chapter') return '第' + node.number + '章';
    if (node.__typename === 'Section') return '第' + node.number + '节 ' + node.title;
    if (node.__typename === 'Box') return '专栏' + node.number;
    return kind + (node.name ? '：' + node.name : node.measureTitle ? '：' + node.measureTitle : '');
  }

  PG.views.source = function (id) {
    const info = document.getElementById('source-info');
    const text = document.getElementById('source-text');
    if (!id) {
      PG.clear(document.getElementById('source-crumbs'));
      toc(null);
      PG.loading(info, '原文');
      planText().then(function (full) {
        PG.done(info);
        PG.clear(info).appendChild(el('p', { class: 'hint', text: '从目录、搜索结果或任务旁的“原文”链接定位到具体段落。' }));
        PG.clear(text).appendChild(document.createTextNode(full));
      }).catch(function (e) { PG.showError(info, e); });
      return;
    }
    PG.loading(info, '原文');
    Promise.all([planText(), PG.gql(NODE, { id: id })])
      .then(function (r) {
        const full = r[0];
        const node = r[1].node;
        PG.done(info);
        if (!node || !node.source) {
          PG.clear(text);
          PG.clear(document.getElementById('source-crumbs'));
          toc(null);
          PG.notFound(info, '没有编号为“' + id + '”的条文。链接可能已失效，请从目录或搜索重新定位。');
          return;
        }
        const s = node.source;
        crumbs(node);
        toc({ chapter: (node.__typename === 'Chapter' ? node : node.chapter || node.parentChapter || {}).id, section: (node.__typename === 'Section' ? node : node.section || {}).id });
        PG.clear(info);
        info.appendChild(el('p', { class: 'meta', text: label(node) + ' · 原文第 ' + s.line + (s.endLine !== s.line ? '–' + s.endLine : '') + ' 行 · 字符 ' + s.start + '–' + s.end + ' · 编号 ' + id }));
        if (node.bodyLinks) info.appendChild(PG.bodiesBlock(node.bodyLinks));
        info.appendChild(PG.shareBox(location.origin + location.pathname + '#source/' + id));
        PG.clear(text);
        text.appendChild(document.createTextNode(full.slice(0, s.start)));
        const mark = el('mark', { id: 'quote', text: full.slice(s.start, s.end) });
        text.appendChild(mark);
        text.appendChild(document.createTextNode(full.slice(s.end)));
        // On a wide screen only the text box scrolls, so the breadcrumb and share link stay in
        // view; on a phone the page itself scrolls to the quote.
        if (window.matchMedia('(max-width: 700px)').matches) mark.scrollIntoView({ block: 'center' });
        else text.scrollTop = Math.max(0, mark.offsetTop - text.offsetTop - text.clientHeight / 3);
      })
      .catch(function (e) { PG.showError(info, e); });
  };
})();
