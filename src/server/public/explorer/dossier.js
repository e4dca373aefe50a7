// 区县档案: a district's positioning (with the words that link it), its tasks by chapter, each
// with its responsible bodies and their basis, a summary of the bodies, the tasks of its regions,
// projects and pilot zones. Picking a district opens it at once (#dossier/忠县).
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;

  PG.init.dossier = function () {
    const select = document.getElementById('dossier-district');
    PG.state.districts.forEach(function (x) { select.appendChild(el('option', { value: x.shortName, text: x.name })); });
    select.addEventListener('change', function () { location.hash = '#dossier/' + encodeURIComponent(select.value); });
    document.getElementById('dossier-form').addEventListener('submit', function (e) { e.preventDefault(); });
  };

  const TASK_FIELDS = 'id kind text chapter { number title } section { number title } latestReports { status period place { name } } ' + PG.BODY_LINKS;

  let current = 0;

  PG.views.dossier = function (name) {
    const select = document.getElementById('dossier-district');
    if (!name) name = select.value || PG.state.districts[0].shortName;
    const box = document.getElementById('dossier');
    const known = PG.state.districts.find(function (d) { return d.shortName === name || d.name === name || d.code === name; });
    if (!known) { PG.notFound(box, '没有名为“' + name + '”的区县。'); return; }
    select.value = known.shortName;
    // A slower answer for an earlier choice must not overwrite the current one.
    const token = ++current;
    PG.loading(box, known.name + '的档案');
    PG.gql('query($n: String, $p: String) { district(name: $n) { id name shortName code kind regions { name } government { id name }' +
      ' positioning(planId: $p) { id text group placeLinks { place { id } link { quote basis rationale } } } projects(planId: $p) { id name areaKm2 } pilotZones(planId: $p) { id name areaKm2 }' +
      ' tasks(first: 50, planId: $p) { totalCount edges { node { ' + TASK_FIELDS + ' } link { quote basis } } }' +
      ' regionTasks(first: 50, planId: $p) { totalCount edges { node { id text chapter { number title } } link { quote basis rationale } } } } }', { n: known.shortName, p: PG.state.plan.id })
      .then(function (d) { if (token === current) render(box, d.district); })
      .catch(function (e) { if (token === current) PG.showError(box, e); });
  };

  /**
   * The bodies responsible for the district's tasks. A derived link makes a district's government
   * deliver a task that names that district: of those, only this district's own government is
   * responsible for its part (the others deliver theirs).
   */
  function bodySummary(tasks, dist) {
    const byBody = {};
    const own = dist.government ? dist.government.id : null;
    tasks.forEach(function (t) {
      t.bodyLinks.forEach(function (bl) {
        if (bl.link.basis === 'derived' && bl.body.id !== own) return;
        const key = bl.body.id + '|' + bl.link.basis;
        (byBody[key] = byBody[key] || { body: bl.body, basis: bl.link.basis, roles: {}, n: 0 }).n += 1;
        byBody[key].roles[bl.link.role] = true;
      });
    });
    return Object.keys(byBody).map(function (k) { return byBody[k]; }).sort(function (a, b) { return b.n - a.n || a.body.name.localeCompare(b.body.name, 'zh'); });
  }

  function render(box, dist) {
    PG.done(box);
    PG.clear(box);
    const tasks = dist.tasks.edges.map(function (e) { return e.node; });
    // regionTasks never holds a task that names the district itself (those are its own tasks).
    const regionEdges = dist.regionTasks.edges;
    box.appendChild(el('div', { class: 'card' }, [
      el('h2', { text: dist.name + '（' + dist.code + '）' }),
      el('p', { class: 'meta', text: '所属：' + dist.regions.map(function (r) { return r.name; }).join(' ⊂ ') }),
      el('p', { class: 'meta' }, ['点名本区县的任务 ' + dist.tasks.totalCount + ' 项；只点名其所在区域的任务 ' + dist.regionTasks.totalCount + ' 项。 ', el('a', { href: PG.hashFor('compare', '', { places: dist.shortName + '、' }), text: '与其他区县对比' })]),
      el('div', { class: 'actions' }, [PG.downloadButton(dist.shortName + '-任务.csv', ['任务', '章', '节', '原文', '责任主体', '依据', '证据'], function () {
        return tasks.map(function (t) {
          return [t.id, t.chapter ? PG.chapterLabel(t.chapter) : '', t.section ? '第' + t.section.number + '节 ' + t.section.title : '', t.text,
            t.bodyLinks.map(function (b) { return b.body.name; }), t.bodyLinks.map(function (b) { return PG.BASIS[b.link.basis].label; }),
            t.bodyLinks.map(function (b) { return b.link.basis === 'curated' ? b.link.rationale || '' : b.link.quote || ''; })];
        });
      })]),
    ]));

    const summary = bodySummary(tasks, dist);
    const bodiesCard = el('div', { class: 'card', id: 'dossier-bodies' }, [el('h3', { text: '责任主体（' + summary.length + '）' }),
      el('p', { class: 'hint' }, ['依据：', PG.basisTag('text'), ' 原文写明；', PG.basisTag('derived'), ' 任务点名本区县，由本区县政府落实（推定，非原文；同一任务点名的其他区县政府各自落实，不列在此）；', PG.basisTag('curated'), ' 分析人员按职责指定（非原文）。'])]);
    if (summary.length) {
      const table = el('table', { class: 'data' }, [
        el('caption', { class: 'visually-hidden', text: dist.name + '任务的责任主体及依据' }),
        el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: '责任主体' }), el('th', { scope: 'col', text: '依据' }), el('th', { scope: 'col', text: '角色' }), el('th', { scope: 'col', text: '任务数' })])]),
        el('tbody', {}, summary.map(function (s) {
          return el('tr', {}, [
            el('th', { scope: 'row' }, [el('a', { href: '#bodies/' + encodeURIComponent(s.body.id).replace(/%2F/g, '/'), text: s.body.name })]),
            el('td', {}, [PG.basisTag(s.basis)]),
            el('td', { text: Object.keys(s.roles).map(function (r) { return PG.ROLE[r] || r; }).join('、') }),
            el('td', { class: 'num', text: String(s.n) }),
          ]);
        })),
      ]);
      bodiesCard.appendChild(el('div', { class: 'scroll' }, [table]));
    } else bodiesCard.appendChild(el('p', { class: 'hint', text: '本区县的任务没有指定责任主体。' }));
    box.appendChild(bodiesCard);

    const positioning = el('div', { class: 'card' }, [el('h3', { text: '功能定位' })]);
    dist.positioning.forEach(function (t) {
      const own = t.placeLinks.find(function (pl) { return pl.place.id === dist.id; });
      const via = own && own.link.quote && own.link.quote !== dist.shortName && own.link.quote !== dist.name ? own.link.quote : null;
      positioning.appendChild(el('p', {}, [
        t.group ? el('span', { class: 'chip', text: t.group }) : null,
        t.text + ' ',
        via ? el('span', { class: 'via', text: '（经“' + via + '”关联到' + dist.shortName + '）' }) : null,
        ' ',
        PG.sourceLink(t.id),
      ]));
    });
    if (!dist.positioning.length) positioning.appendChild(el('p', { class: 'hint', text: '本规划专栏未列出该区县的功能定位。' }));
    box.appendChild(positioning);

    const byChapter = {};
    const order = [];
    dist.tasks.edges.forEach(function (e) {
      const key = e.node.chapter ? PG.chapterLabel(e.node.chapter) : '其他';
      if (!byChapter[key]) { byChapter[key] = []; order.push(key); }
      byChapter[key].push(e);
    });
    const tasksCard = el('div', { class: 'card', id: 'dossier-tasks' }, [el('h3', { text: '任务（' + dist.tasks.totalCount + ' 项，按章）' })]);
    if (!order.length) tasksCard.appendChild(el('p', { class: 'hint', text: '没有点名本区县的任务。' }));
    order.forEach(function (k) {
      tasksCard.appendChild(el('h4', { text: k }));
      tasksCard.appendChild(el('ol', { class: 'tasks' }, byChapter[k].map(function (e) {
        const t = e.node;
        const status = t.latestReports.length ? t.latestReports.map(function (r) { return (PG.STATUS[r.status] || r.status) + '（' + r.period + (r.place ? '，' + r.place.name : '') + '）'; }).join('，') : PG.STATUS.not_reported;
        return el('li', {}, [
          el('p', { class: 'task-text', text: t.text }),
          el('p', { class: 'meta' }, [(t.kind !== 'sentence' ? (PG.TASK_KIND[t.kind] || t.kind) + ' · ' : '') + '提及“' + e.link.quote + '” · 最新进展：' + status + ' · ', PG.sourceLink(t.id)]),
          PG.bodiesBlock(t.bodyLinks),
        ]);
      })));
    });
    box.appendChild(tasksCard);

    const regionCard = el('details', { class: 'card' }, [el('summary', { text: '所在区域的任务（' + dist.regionTasks.totalCount + ' 项，点名区域而非本区县' + (regionEdges.length < dist.regionTasks.totalCount ? '；列出前 ' + regionEdges.length + ' 项' : '') + '）' })]);
    regionCard.appendChild(el('ol', { class: 'tasks' }, regionEdges.map(function (e) {
      return el('li', {}, [el('p', { class: 'task-text', text: e.node.text }), el('p', { class: 'meta' }, [(e.node.chapter ? PG.chapterLabel(e.node.chapter) + ' · ' : '') + '提及“' + (e.link.quote || '') + '” · ', PG.sourceLink(e.node.id)])]);
    })));
    box.appendChild(regionCard);

    const projects = el('div', { class: 'card' }, [el('h3', { text: '项目与试点' })]);
    dist.projects.forEach(function (p) { projects.appendChild(el('span', { class: 'chip', text: p.name + (p.areaKm2 ? '（' + p.areaKm2 + ' km²）' : '') })); });
    dist.pilotZones.forEach(function (z) { projects.appendChild(el('span', { class: 'chip', text: '试点：' + z.name })); });
    if (!dist.projects.length && !dist.pilotZones.length) projects.appendChild(el('p', { class: 'hint', text: '无' }));
    box.appendChild(projects);
  }
})();
