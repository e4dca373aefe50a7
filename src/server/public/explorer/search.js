// 搜索: full-text search with paging (keyset cursors; the page's cursor is in the URL), kinds in
// Chinese, the query in the URL (#search?q=…&kind=…&chapter=…&place=…&after=…&page=…), and a
// helpful empty state.
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;
  const PAGE = 20;
  let lastResult = [];

  PG.init.search = function () {
    document.getElementById('quick-search').addEventListener('submit', function (e) {
      e.preventDefault();
      const q = document.getElementById('quick-q').value.trim();
      location.hash = q ? PG.hashFor('search', '', { q: q }) : '#search';
      if (!q) document.getElementById('search-query').focus();
    });
    const chapters = document.getElementById('search-chapter');
    PG.state.chapters.forEach(function (c) { chapters.appendChild(el('option', { value: String(c.number), text: '第' + c.number + '章 ' + c.title })); });
    document.getElementById('search-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const q = document.getElementById('search-query').value.trim();
      const error = document.getElementById('search-error');
      const input = document.getElementById('search-query');
      if (!q) {
        error.textContent = '请输入检索词（不能只有空格）。';
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'search-error');
        input.focus();
        return;
      }
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      location.hash = PG.hashFor('search', '', {
        q: q,
        kind: document.getElementById('search-kind').value,
        chapter: document.getElementById('search-chapter').value,
        place: document.getElementById('search-place').value.trim(),
      });
    });
  };

  let current = 0;

  PG.views.search = function (_arg, p) {
    const token = ++current;
    const out = document.getElementById('search-out');
    const q = (p.get('q') || '').trim();
    document.getElementById('search-query').value = q;
    document.getElementById('search-kind').value = p.get('kind') || '';
    document.getElementById('search-chapter').value = p.get('chapter') || '';
    document.getElementById('search-place').value = p.get('place') || '';
    if (!q) {
      PG.clear(out);
      PG.empty(out, '输入检索词，按“检索”开始。', '可按类型、章和区县筛选；多个词用空格分开表示同时出现，加引号表示整句。');
      return;
    }
    const page = Math.max(1, Number(p.get('page') || '1') || 1);
    PG.loading(out, '检索结果');
    PG.gql('query($q: String!, $p: String, $k: [SearchKind!], $c: Int, $pl: String, $after: String, $first: Int) { search(query: $q, first: $first, after: $after, planId: $p, kinds: $k, chapter: $c, place: $pl) { totalCount pageInfo { hasNextPage endCursor } edges { node { highlight text node { __typename ... on Node { id } ... on Task { kind chapter { number title } section { number title } } ... on Measure { chapter { number title } section { number title } } ... on Indicator { name } ... on Target { unit } ... on Project { name } } } } } }', {
      q: q,
      p: PG.state.plan.id,
      k: p.get('kind') ? [p.get('kind')] : null,
      c: p.get('chapter') ? Number(p.get('chapter')) : null,
      pl: p.get('place') || null,
      after: p.get('after') || null,
      first: PAGE,
    })
      .then(function (d) {
        if (token !== current) return;
        PG.done(out);
        PG.clear(out);
        const s = d.search;
        lastResult = s.edges;
        if (!s.totalCount) {
          PG.empty(out, '没有找到包含“' + q + '”的内容。', '试试更短的词、去掉筛选条件，或换一个说法（例如“租赁住房”而不是“保障性租赁住房建设”）。');
          PG.announce('没有检索结果');
          return;
        }
        const pages = Math.ceil(s.totalCount / PAGE);
        const from = (page - 1) * PAGE + 1;
        const to = from + s.edges.length - 1;
        out.appendChild(el('p', { id: 'search-count', class: 'hint', role: 'status', text: '共 ' + s.totalCount + ' 条结果，第 ' + page + ' / ' + pages + ' 页（第 ' + from + '–' + to + ' 条）' }));
        out.appendChild(el('div', { class: 'actions' }, [PG.downloadButton('检索-' + q + '.csv', ['类型', '编号', '章', '节', '文本'], function () {
          return lastResult.map(function (e) { const n = e.node.node; return [PG.KIND[n.__typename] || n.__typename, n.id, n.chapter ? PG.chapterLabel(n.chapter) : '', n.section ? '第' + n.section.number + '节 ' + n.section.title : '', e.node.text]; });
        })]));
        out.appendChild(el('ol', { id: 'search-results', class: 'results', start: String(from) }, s.edges.map(function (e) {
          const n = e.node.node;
          const kind = n.__typename === 'Task' && n.kind !== 'sentence' ? PG.TASK_KIND[n.kind] || '任务' : PG.KIND[n.__typename] || n.__typename;
          const where = [n.chapter ? PG.chapterLabel(n.chapter) : '', n.section ? '第' + n.section.number + '节 ' + n.section.title : ''].filter(Boolean).join(' › ');
          return el('li', { class: 'hit' }, [
            el('p', {}, [el('span', { class: 'kind', text: kind }), el('span', { html: e.node.highlight || '' })]),
            el('p', { class: 'meta' }, [where ? where + ' · ' : '', PG.sourceLink(n.id, '查看原文')]),
          ]);
        })));
        const nav = el('nav', { class: 'pager', 'aria-label': '分页' });
        if (page > 1) nav.appendChild(el('a', { href: '#', class: 'button-like', text: '上一页', onclick: function (ev) { ev.preventDefault(); history.back(); } }));
        if (page > 1) nav.appendChild(el('a', { href: PG.hashFor('search', '', { q: q, kind: p.get('kind'), chapter: p.get('chapter'), place: p.get('place') }), class: 'button-like', text: '第一页' }));
        if (s.pageInfo.hasNextPage) nav.appendChild(el('a', { href: PG.hashFor('search', '', { q: q, kind: p.get('kind'), chapter: p.get('chapter'), place: p.get('place'), after: s.pageInfo.endCursor, page: page + 1 }), class: 'button-like', text: '下一页', rel: 'next' }));
        out.appendChild(nav);
        PG.announce('共 ' + s.totalCount + ' 条结果');
      })
      .catch(function (e) {
        if (token !== current) return;
        if ((e.code === 'BAD_USER_INPUT' || e.code === 'NOT_FOUND') && p.get('place')) {
          PG.showError(out, new PG.ApiError('没有名为“' + p.get('place') + '”的区县或地点，请检查区县筛选。', e.detail, e.code));
        } else PG.showError(out, e);
      });
  };
})();
