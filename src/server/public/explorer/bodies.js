// 责任主体: every body (#bodies), and a body's portfolio (#bodies/<id>?basis=…) on Body.tasks:
// its tasks with the basis of each link, the places they name and their latest statuses.
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;
  const PAGE = 50;

  PG.views.bodies = function (id, p) {
    const box = document.getElementById('bodies');
    if (id) portfolio(box, id, p);
    else list(box, p);
  };

  function list(box, p) {
    PG.loading(box, '责任主体');
    PG.gql('{ bodies { id name kind leads governs { shortName } } }')
      .then(function (d) {
        PG.done(box);
        PG.clear(box);
        const filter = (p.get('q') || '').trim();
        const input = el('input', { type: 'search', id: 'bodies-filter', value: filter, maxlength: '50', placeholder: '如 发展改革、忠县' });
        const form = el('form', { class: 'filters', role: 'search', onsubmit: function (e) { e.preventDefault(); location.hash = PG.hashFor('bodies', '', { q: input.value.trim() }); } }, [
          el('label', { class: 'grow' }, ['筛选主体 ', input]),
          el('button', { type: 'submit', text: '筛选' }),
        ]);
        box.appendChild(form);
        const bodies = d.bodies.filter(function (b) { return !filter || b.name.indexOf(filter) >= 0 || (b.governs && b.governs.shortName.indexOf(filter) >= 0); });
        box.appendChild(el('p', { class: 'hint', role: 'status', text: '共 ' + bodies.length + ' 个责任主体' + (filter ? '（筛选：“' + filter + '”）' : '') + '。点击查看其任务组合及依据。' }));
        if (!bodies.length) { PG.empty(box, '没有符合“' + filter + '”的责任主体。'); return; }
        const groups = {};
        bodies.forEach(function (b) { (groups[b.kind] = groups[b.kind] || []).push(b); });
        Object.keys(groups).forEach(function (k) {
          box.appendChild(el('section', { class: 'card' }, [
            el('h2', { text: (PG.BODY_KIND[k] || k) + '（' + groups[k].length + '）' }),
            el('ul', { class: 'body-index' }, groups[k].map(function (b) {
              return el('li', {}, [el('a', { href: '#bodies/' + encodeURIComponent(b.id).replace(/%2F/g, '/'), text: b.name }), b.leads ? el('span', { class: 'meta', text: ' 牵头 ' + b.leads + ' 项措施' }) : null]);
            })),
          ]));
        });
      })
      .catch(function (e) { PG.showError(box, e); });
  }

  function portfolio(box, id, p) {
    const basis = p.get('basis') || '';
    const after = p.get('after') || null;
    PG.loading(box, '任务组合');
    PG.gql('query($id: String!, $p: String, $b: LinkBasis, $after: String, $first: Int) { body(id: $id) { id name fullName kind remit leads governs { shortName name }' +
      ' all: tasks(first: 1, planId: $p) { totalCount } text: tasks(first: 1, planId: $p, basis: text) { totalCount } derived: tasks(first: 1, planId: $p, basis: derived) { totalCount } curated: tasks(first: 1, planId: $p, basis: curated) { totalCount }' +
      ' tasks(first: $first, after: $after, planId: $p, basis: $b) { totalCount pageInfo { hasNextPage endCursor } edges { node { id text chapter { number title } places { shortName } latestReports { status period place { name } } } link { basis role quote rationale } } } } }',
    { id: id, p: PG.state.plan.id, b: basis || null, after: after, first: PAGE })
      .then(function (d) {
        PG.done(box);
        PG.clear(box);
        const b = d.body;
        if (!b) { PG.notFound(box, '没有这个责任主体：' + id); return; }
        box.appendChild(el('nav', { class: 'crumbs', 'aria-label': '当前位置' }, [el('a', { href: '#bodies', text: '责任主体' }), ' › ', el('span', { 'aria-current': 'page', text: b.name })]));
        box.appendChild(el('div', { class: 'card' }, [
          el('h2', { text: b.name }),
          el('p', { class: 'meta', text: [PG.BODY_KIND[b.kind] || b.kind, b.fullName && b.fullName !== b.name ? '全称：' + b.fullName : '', b.governs ? '辖区：' + b.governs.name : '', b.leads ? '牵头 ' + b.leads + ' 项措施' : ''].filter(Boolean).join(' · ') }),
          b.remit ? el('p', { text: '职责：' + b.remit }) : null,
          el('p', { class: 'meta' }, ['任务 ' + b.all.totalCount + ' 项：', PG.basisTag('text'), ' ' + b.text.totalCount + ' · ', PG.basisTag('derived'), ' ' + b.derived.totalCount + ' · ', PG.basisTag('curated'), ' ' + b.curated.totalCount]),
        ]));
        const filter = el('select', { id: 'body-basis', onchange: function (e) { location.hash = PG.hashFor('bodies', b.id, { basis: e.target.value }); } }, [
          el('option', { value: '', text: '全部依据' }), el('option', { value: 'text', text: '原文' }), el('option', { value: 'derived', text: '推定' }), el('option', { value: 'curated', text: '人工' }),
        ]);
        filter.value = basis;
        const edges = d.body.tasks.edges;
        box.appendChild(el('div', { class: 'filters' }, [el('label', {}, ['依据 ', filter]), PG.downloadButton(b.name + '-任务.csv', ['任务', '章', '原文', '依据', '角色', '证据', '区县', '最新进展'], function () {
          return edges.map(function (e) { const t = e.node; return [t.id, t.chapter ? PG.chapterLabel(t.chapter) : '', t.text, PG.BASIS[e.link.basis].label, PG.ROLE[e.link.role] || e.link.role || '', e.link.basis === 'curated' ? e.link.rationale : e.link.quote, t.places.map(function (x) { return x.shortName; }), t.latestReports.map(function (r) { return (PG.STATUS[r.status] || r.status) + ' ' + r.period; })]; });
        })]));
        const places = {};
        edges.forEach(function (e) { e.node.places.forEach(function (x) { places[x.shortName] = (places[x.shortName] || 0) + 1; }); });
        const placeNames = Object.keys(places).sort(function (a, c) { return places[c] - places[a]; });
        if (placeNames.length) {
          box.appendChild(el('div', { class: 'card' }, [el('h3', { text: '涉及地点（本页任务）' }), el('ul', { class: 'chips' }, placeNames.slice(0, 30).map(function (n) { return el('li', {}, [el('span', { class: 'chip', text: n + '（' + places[n] + '）' })]); }))]));
        }
        const card = el('section', { class: 'card', 'aria-labelledby': 'portfolio-h' }, [el('h3', { id: 'portfolio-h', text: '任务组合（' + d.body.tasks.totalCount + ' 项' + (basis ? '，依据：' + PG.BASIS[basis].label : '') + '）' })]);
        if (!edges.length) card.appendChild(el('p', { class: 'hint', text: '没有符合条件的任务。' }));
        card.appendChild(el('ol', { class: 'tasks' }, edges.map(function (e) {
          const t = e.node;
          const evidence = e.link.basis === 'curated' ? e.link.rationale : e.link.quote ? '“' + e.link.quote + '”' : e.link.rationale;
          const status = t.latestReports.length ? t.latestReports.map(function (r) { return (PG.STATUS[r.status] || r.status) + '（' + r.period + (r.place ? '，' + r.place.name : '') + '）'; }).join('，') : PG.STATUS.not_reported;
          return el('li', {}, [
            el('p', { class: 'task-text', text: t.text }),
            el('p', { class: 'body-line' }, [PG.basisTag(e.link.basis), el('span', { class: 'role', text: PG.ROLE[e.link.role] || e.link.role || '' }), evidence ? el('span', { class: 'evidence', text: evidence }) : null]),
            el('p', { class: 'meta' }, [(t.chapter ? PG.chapterLabel(t.chapter) + ' · ' : '') + (t.places.length ? '地点：' + t.places.map(function (x) { return x.shortName; }).join('、') + ' · ' : '') + '最新进展：' + status + ' · ', PG.sourceLink(t.id)]),
          ]);
        })));
        box.appendChild(card);
        if (d.body.tasks.pageInfo.hasNextPage) {
          box.appendChild(el('nav', { class: 'pager', 'aria-label': '分页' }, [el('a', { class: 'button-like', rel: 'next', href: PG.hashFor('bodies', b.id, { basis: basis, after: d.body.tasks.pageInfo.endCursor }), text: '下一页' })]));
        }
      })
      .catch(function (e) { PG.showError(box, e); });
  }
})();
