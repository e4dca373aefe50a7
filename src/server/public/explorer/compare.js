// 区县对比: two or more districts side by side (#compare?places=万州、开州): the tasks that name
// all of them, with the words of the text that link each, and what each carries alone.
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;
  const SPLIT = /[、，,；;\s]+/;

  PG.init.compare = function () {
    document.getElementById('compare-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const input = document.getElementById('compare-places');
      const names = input.value.split(SPLIT).filter(Boolean);
      const error = document.getElementById('compare-error');
      if (names.length < 2) {
        error.textContent = '请至少输入两个区县，用顿号分隔，如“万州、开州”。';
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      location.hash = PG.hashFor('compare', '', { places: names.join('、') });
    });
  };

  function lookup(name) {
    return PG.state.districts.find(function (d) { return d.shortName === name || d.name === name || d.code === name; });
  }

  let current = 0;

  PG.views.compare = function (_arg, p) {
    const token = ++current;
    const box = document.getElementById('compare');
    const raw = (p.get('places') || '').split(SPLIT).filter(Boolean);
    document.getElementById('compare-places').value = raw.join('、');
    PG.clear(box);
    if (raw.length < 2) {
      PG.empty(box, '输入两个或更多区县，查看它们共同承担的任务。', '例如：万州、开州；或 万州、开州、云阳。');
      suggestions(box, raw[0] ? lookup(raw[0]) : null);
      return;
    }
    const unknown = raw.filter(function (n) { return !lookup(n); });
    if (unknown.length) {
      PG.notFound(box, '没有名为“' + unknown.join('”“') + '”的区县。请用区县简称或全称，如“万州”“开州区”。');
      return;
    }
    const districts = raw.map(lookup).filter(function (d, i, all) { return all.indexOf(d) === i; });
    if (districts.length < 2) { PG.empty(box, '请选择两个不同的区县。'); return; }
    PG.loading(box, '对比结果');
    const own = districts.map(function (d) {
      return PG.gql('query($n: String, $p: String) { district(name: $n) { id shortName name tasks(first: 60, planId: $p) { totalCount edges { node { id text chapter { number title } } link { quote } } } } }', { n: d.shortName, p: PG.state.plan.id });
    });
    const shared = PG.gql('query($places: [String!]!, $p: String) { sharedTasks(places: $places, first: 50, planId: $p) { totalCount edges { node { id kind text chapter { number title } placeLinks { place { id } link { quote basis rationale } } ' + PG.BODY_LINKS + ' } } } }', { places: districts.map(function (d) { return d.shortName; }), p: PG.state.plan.id });
    Promise.all([shared].concat(own))
      .then(function (r) {
        const d = { sharedTasks: r[0].sharedTasks };
        r.slice(1).forEach(function (x, i) { d['d' + i] = x.district; });
        if (token === current) render(box, districts, d);
      })
      .catch(function (e) { if (token === current) PG.showError(box, e); });
  };

  function render(box, districts, d) {
    PG.done(box);
    PG.clear(box);
    const shared = d.sharedTasks.edges.map(function (e) { return e.node; });
    const sharedIds = {};
    shared.forEach(function (t) { sharedIds[t.id] = true; });
    const lists = districts.map(function (_x, i) { return d['d' + i]; });
    const names = districts.map(function (x) { return x.shortName; }).join('、');
    const wordsFor = function (t, dist) {
      return t.placeLinks.filter(function (pl) { return pl.place.id === dist.id; }).map(function (pl) { return pl.link.quote || pl.link.rationale || ''; });
    };
    box.appendChild(el('h2', { id: 'compare-title', tabindex: '-1', text: names + '：共同任务 ' + d.sharedTasks.totalCount + ' 项' }));
    const sumTable = el('table', { class: 'data' }, [
      el('caption', { text: '各区县任务数' }),
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: '区县' }), el('th', { scope: 'col', text: '点名的任务' }), el('th', { scope: 'col', text: '其中共同' }), el('th', { scope: 'col', text: '单独承担' })])]),
      el('tbody', {}, lists.map(function (l) {
        const alone = l.tasks.edges.filter(function (e) { return !sharedIds[e.node.id]; }).length;
        return el('tr', {}, [el('th', { scope: 'row' }, [el('a', { href: '#dossier/' + encodeURIComponent(l.shortName), text: l.name })]), el('td', { class: 'num', text: String(l.tasks.totalCount) }), el('td', { class: 'num', text: String(d.sharedTasks.totalCount) }), el('td', { class: 'num', text: String(alone) })]);
      })),
    ]);
    box.appendChild(el('div', { class: 'scroll' }, [sumTable]));
    box.appendChild(el('div', { class: 'actions' }, [PG.downloadButton('对比-' + names + '.csv', ['任务', '章', '原文'].concat(districts.map(function (x) { return x.shortName + '：关联词'; })).concat(['责任主体']), function () {
      return shared.map(function (t) { return [t.id, t.chapter ? PG.chapterLabel(t.chapter) : '', t.text].concat(districts.map(function (x) { return wordsFor(t, x); })).concat([t.bodyLinks.map(function (b) { return b.body.name + '（' + PG.BASIS[b.link.basis].label + '）'; })]); });
    })]));
    const card = el('section', { class: 'card', 'aria-labelledby': 'shared-h' }, [el('h3', { id: 'shared-h', text: '共同任务（同时点名' + names + '）' })]);
    if (!shared.length) card.appendChild(el('p', { class: 'hint', text: '这些区县没有共同被点名的任务。可以减少区县数量再试。' }));
    card.appendChild(el('ol', { class: 'tasks', id: 'shared-tasks' }, shared.map(function (t) {
      return el('li', {}, [
        el('p', { class: 'task-text', text: t.text }),
        el('ul', { class: 'links' }, districts.map(function (x) {
          const words = wordsFor(t, x);
          return el('li', {}, [el('strong', { text: x.shortName }), '：经“' + words.join('”“') + '”关联']);
        })),
        el('p', { class: 'meta' }, [(t.chapter ? PG.chapterLabel(t.chapter) + ' · ' : ''), PG.sourceLink(t.id)]),
        PG.bodiesBlock(t.bodyLinks),
      ]);
    })));
    box.appendChild(card);
    lists.forEach(function (l) {
      const alone = l.tasks.edges.filter(function (e) { return !sharedIds[e.node.id]; });
      box.appendChild(el('details', { class: 'card alone' }, [
        el('summary', { text: l.name + '单独承担的任务（' + alone.length + ' 项）' }),
        el('ol', { class: 'tasks' }, alone.map(function (e) {
          return el('li', {}, [el('p', { class: 'task-text', text: e.node.text }), el('p', { class: 'meta' }, [(e.node.chapter ? PG.chapterLabel(e.node.chapter) + ' · ' : '') + '提及“' + e.link.quote + '” · ', PG.sourceLink(e.node.id)])]);
        })),
      ]));
    });
    PG.announce(names + '共同任务 ' + d.sharedTasks.totalCount + ' 项');
    suggestions(box, districts[0]);
  }

  /** Districts that share most tasks with the first one: one click to compare with them. */
  function suggestions(box, dist) {
    if (!dist) return;
    PG.gql('query($w: String!, $p: String) { districtsSharingTasks(with: $w, first: 8, planId: $p) { district { shortName } sharedTasks } }', { w: dist.shortName, p: PG.state.plan.id })
      .then(function (d) {
        if (!d.districtsSharingTasks.length) return;
        box.appendChild(el('div', { class: 'card' }, [
          el('h3', { text: '与' + dist.shortName + '共同任务最多的区县' }),
          el('ul', { class: 'chips' }, d.districtsSharingTasks.map(function (s) {
            return el('li', {}, [el('a', { class: 'chip', href: PG.hashFor('compare', '', { places: dist.shortName + '、' + s.district.shortName }), text: s.district.shortName + '（' + s.sharedTasks + '）' })]);
          })),
        ]));
      })
      .catch(function () { /* suggestions are optional */ });
  }
})();
