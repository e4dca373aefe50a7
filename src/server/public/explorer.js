// The researchers' explorer. Built only on the public GraphQL API at /graphql; served by the API
// itself with no external resources, so it works on a closed network.
(function () {
  'use strict';

  var state = { plan: null, text: null, districts: [] };
  var STATUS = { not_started: '未开始', in_progress: '进行中', done: '已完成', at_risk: '有风险', blocked: '受阻', not_reported: '未报告' };
  var KIND = { Task: '任务', Measure: '措施', Indicator: '指标', Target: '目标', Project: '项目' };

  function gql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    })
      .then(function (r) { return r.json(); })
      .then(function (json) {
        if (json.errors) throw new Error(json.errors.map(function (e) { return e.message; }).join('; '));
        return json.data;
      });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'html') node.innerHTML = attrs[k]; // only for highlights, which the server HTML-escapes
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function sourceLink(id) {
    return el('a', { href: '#source/' + encodeURIComponent(id), class: 'source-link', text: '原文' });
  }

  function showError(container, error) {
    container.textContent = '出错：' + error.message;
  }

  // ---- views -------------------------------------------------------------------------------

  function show(view) {
    document.querySelectorAll('.view').forEach(function (v) { v.classList.toggle('active', v.id === 'view-' + view); });
    document.querySelectorAll('nav a[data-view]').forEach(function (a) { a.classList.toggle('active', a.dataset.view === view); });
  }

  function route() {
    var hash = decodeURIComponent(location.hash.slice(1)) || 'heatmap';
    var parts = hash.split('/');
    var view = parts[0];
    var arg = parts.slice(1).join('/');
    show(view);
    if (view === 'heatmap') renderHeatmap();
    if (view === 'regions') renderRegions();
    if (view === 'dossier' && arg) renderDossier(arg);
    if (view === 'source' && arg) renderSource(arg);
  }

  // ---- heat map ----------------------------------------------------------------------------

  var heatmapDone = false;
  function renderHeatmap() {
    if (heatmapDone) return;
    heatmapDone = true;
    var table = document.getElementById('heatmap');
    gql('query($p: ID) { districtChapterMatrix(planId: $p) { districts { id shortName } chapters { id number title } cells { district { id } chapter { id } taskCount } } }', { p: state.plan.id })
      .then(function (d) {
        var m = d.districtChapterMatrix;
        var counts = {};
        var max = 1;
        m.cells.forEach(function (c) { counts[c.district.id + '|' + c.chapter.id] = c.taskCount; max = Math.max(max, c.taskCount); });
        var head = el('tr', {}, [el('th', { text: '区县' })].concat(m.chapters.map(function (c) { return el('th', { title: c.title, text: '第' + c.number + '章' }); })));
        table.appendChild(head);
        m.districts.forEach(function (dist) {
          var row = el('tr', {}, [el('th', { class: 'row', text: dist.shortName })]);
          m.chapters.forEach(function (c) {
            var n = counts[dist.id + '|' + c.id] || 0;
            var cell = el('td', { class: 'cell', tabindex: '0', 'data-district': dist.shortName, 'data-chapter': c.id, title: dist.shortName + ' · 第' + c.number + '章 ' + c.title + '：' + n + ' 项', text: n ? String(n) : '' });
            cell.style.background = n ? 'rgba(179, 38, 30, ' + (0.12 + 0.75 * n / max).toFixed(2) + ')' : '';
            if (n / max > 0.55) cell.style.color = '#fff';
            cell.addEventListener('click', function () { cellTasks(dist.shortName, c); });
            cell.addEventListener('keydown', function (e) { if (e.key === 'Enter') cellTasks(dist.shortName, c); });
            row.appendChild(cell);
          });
          table.appendChild(row);
        });
      })
      .catch(function (e) { showError(table, e); });
  }

  function cellTasks(district, chapter) {
    var panel = document.getElementById('cell-tasks');
    panel.textContent = '加载中…';
    gql('query($n: String, $p: String) { district(name: $n) { name tasks(first: 100, planId: $p) { edges { node { id text chapter { id } source { line } } link { quote } } } } }', { n: district, p: state.plan.id })
      .then(function (d) {
        var tasks = d.district.tasks.edges.filter(function (e) { return e.node.chapter && e.node.chapter.id === chapter.id; });
        panel.textContent = '';
        panel.appendChild(el('h3', { text: d.district.name + ' · 第' + chapter.number + '章 ' + chapter.title + '（' + tasks.length + ' 项）' }));
        panel.appendChild(el('ol', { class: 'tasks' }, tasks.map(function (e) {
          return el('li', {}, [
            el('div', { text: e.node.text }),
            el('div', { class: 'meta' }, [document.createTextNode(e.node.id + ' · 第 ' + e.node.source.line + ' 行 · 提及“' + e.link.quote + '” · '), sourceLink(e.node.id)]),
          ]);
        })));
      })
      .catch(function (e) { showError(panel, e); });
  }

  // ---- search ------------------------------------------------------------------------------

  function runSearch(event) {
    event.preventDefault();
    var list = document.getElementById('search-results');
    var count = document.getElementById('search-count');
    var kind = document.getElementById('search-kind').value;
    var chapter = document.getElementById('search-chapter').value;
    var place = document.getElementById('search-place').value.trim();
    list.textContent = '';
    count.textContent = '检索中…';
    gql('query($q: String!, $p: String, $k: [SearchKind!], $c: Int, $pl: String) { search(query: $q, first: 30, planId: $p, kinds: $k, chapter: $c, place: $pl) { totalCount edges { node { score highlight node { __typename id ... on Task { chapter { number } } ... on Measure { chapter { number } } } } } } }', {
      q: document.getElementById('search-query').value,
      p: state.plan.id,
      k: kind ? [kind] : null,
      c: chapter ? Number(chapter) : null,
      pl: place || null,
    })
      .then(function (d) {
        count.textContent = '共 ' + d.search.totalCount + ' 条结果';
        d.search.edges.forEach(function (e) {
          var n = e.node.node;
          var where = n.chapter ? '第' + n.chapter.number + '章 · ' : '';
          list.appendChild(el('li', { class: 'hit' }, [
            el('div', { html: e.node.highlight || '' }),
            el('div', { class: 'meta' }, [document.createTextNode((KIND[n.__typename] || n.__typename) + ' · ' + where + n.id + ' · 相关度 ' + e.node.score.toFixed(2) + ' · '), sourceLink(n.id)]),
          ]));
        });
      })
      .catch(function (e) { showError(count, e); });
  }

  // ---- dossier -----------------------------------------------------------------------------

  function renderDossier(name) {
    var box = document.getElementById('dossier');
    document.getElementById('dossier-district').value = name;
    box.textContent = '加载中…';
    gql('query($n: String, $p: String) { district(name: $n) { name code kind region { name } regions { name } government { name }' +
      ' positioning { id text group } projects { id name areaKm2 } pilotZones { id name areaKm2 }' +
      ' tasks(first: 100, planId: $p) { totalCount edges { node { id text chapter { number title } latestReports { status period } } } } } }', { n: name, p: state.plan.id })
      .then(function (d) {
        var dist = d.district;
        box.textContent = '';
        if (!dist) { box.textContent = '没有这个区县'; return; }
        box.appendChild(el('div', { class: 'card' }, [
          el('h3', { text: dist.name + '（' + dist.code + '）' }),
          el('div', { class: 'meta', text: '所属：' + dist.regions.map(function (r) { return r.name; }).join(' ⊂ ') + ' · 责任主体：' + (dist.government ? dist.government.name : '—') }),
        ]));
        var positioning = el('div', { class: 'card' }, [el('h3', { text: '功能定位' })]);
        dist.positioning.forEach(function (t) { positioning.appendChild(el('p', {}, [el('span', { class: 'chip', text: t.group || '' }), document.createTextNode(t.text + ' '), sourceLink(t.id)])); });
        if (!dist.positioning.length) positioning.appendChild(el('p', { class: 'hint', text: '本规划专栏未列出该区县的功能定位。' }));
        box.appendChild(positioning);
        var projects = el('div', { class: 'card' }, [el('h3', { text: '项目与试点' })]);
        dist.projects.forEach(function (p) { projects.appendChild(el('span', { class: 'chip', text: p.name + (p.areaKm2 ? '（' + p.areaKm2 + ' km²）' : '') })); });
        dist.pilotZones.forEach(function (z) { projects.appendChild(el('span', { class: 'chip', text: '试点：' + z.name })); });
        if (!dist.projects.length && !dist.pilotZones.length) projects.appendChild(el('p', { class: 'hint', text: '无' }));
        box.appendChild(projects);
        var byChapter = {};
        dist.tasks.edges.forEach(function (e) {
          var key = e.node.chapter ? '第' + e.node.chapter.number + '章 ' + e.node.chapter.title : '其他';
          (byChapter[key] = byChapter[key] || []).push(e.node);
        });
        var tasks = el('div', { class: 'card' }, [el('h3', { text: '任务（' + dist.tasks.totalCount + ' 项，按章）' })]);
        Object.keys(byChapter).forEach(function (k) {
          tasks.appendChild(el('h4', { text: k }));
          tasks.appendChild(el('ol', { class: 'tasks' }, byChapter[k].map(function (t) {
            var status = t.latestReports.length ? t.latestReports.map(function (r) { return (STATUS[r.status] || r.status) + '（' + r.period + '）'; }).join('，') : STATUS.not_reported;
            return el('li', {}, [el('div', { text: t.text }), el('div', { class: 'meta' }, [document.createTextNode('状态：' + status + ' · '), sourceLink(t.id)])]);
          })));
        });
        box.appendChild(tasks);
      })
      .catch(function (e) { showError(box, e); });
  }

  // ---- regions -----------------------------------------------------------------------------

  var regionsDone = false;
  function renderRegions() {
    if (regionsDone) return;
    regionsDone = true;
    var box = document.getElementById('regions');
    gql('query($p: String) { plan { regions { id name aliases districtTaskCounts(planId: $p) { district { shortName } taskCount } tasks(first: 1, planId: $p) { totalCount } } } }', { p: state.plan.id })
      .then(function (d) {
        d.plan.regions.forEach(function (r) {
          var max = Math.max.apply(null, [1].concat(r.districtTaskCounts.map(function (x) { return x.taskCount; })));
          var card = el('div', { class: 'card region' }, [
            el('h3', { text: r.name }),
            el('div', { class: 'meta', text: (r.aliases.length ? '又称：' + r.aliases.join('、') + ' · ' : '') + '直接提及本区域的任务：' + r.tasks.totalCount + ' 项 · 区县 ' + r.districtTaskCounts.length + ' 个' }),
          ]);
          r.districtTaskCounts.forEach(function (x) {
            var fill = el('span', { class: 'fill' });
            fill.style.width = (6 * x.taskCount / max).toFixed(1) + 'rem';
            var link = el('a', { href: '#dossier/' + encodeURIComponent(x.district.shortName), text: x.district.shortName });
            card.appendChild(el('div', { class: 'bar' }, [link, fill, document.createTextNode(String(x.taskCount))]));
          });
          box.appendChild(card);
        });
      })
      .catch(function (e) { showError(box, e); });
  }

  // ---- source ------------------------------------------------------------------------------

  function renderSource(id) {
    var info = document.getElementById('source-info');
    var pre = document.getElementById('source-text');
    info.textContent = '加载中…';
    var text = state.text ? Promise.resolve(state.text) : gql('query($p: ID) { plan(id: $p) { text } }', { p: state.plan.id }).then(function (d) { state.text = d.plan.text; return state.text; });
    var span = '{ quote path start end line endLine }';
    var query = 'query($id: ID!) { node(id: $id) { __typename id ... on Task { source ' + span + ' } ... on Measure { source ' + span + ' } ... on Indicator { source ' + span + ' } ... on Target { source ' + span + ' } ... on Project { source ' + span + ' } ... on PilotZone { source ' + span + ' } ... on Chapter { source ' + span + ' } ... on Section { source ' + span + ' } ... on Box { source ' + span + ' } } }';
    Promise.all([text, gql(query, { id: id })])
      .then(function (r) {
        var full = r[0];
        var node = r[1].node;
        if (!node || !node.source) { info.textContent = '没有这个节点：' + id; return; }
        var s = node.source;
        pre.textContent = '';
        pre.appendChild(document.createTextNode(full.slice(0, s.start)));
        var mark = el('mark', { id: 'quote', text: full.slice(s.start, s.end) });
        pre.appendChild(mark);
        pre.appendChild(document.createTextNode(full.slice(s.end)));
        info.textContent = '';
        var share = location.origin + location.pathname + '#source/' + encodeURIComponent(id);
        info.appendChild(el('span', { text: node.__typename + ' ' + id + ' · 原文第 ' + s.line + (s.endLine !== s.line ? '–' + s.endLine : '') + ' 行 · 字符 ' + s.start + '–' + s.end + ' · ' }));
        info.appendChild(el('a', { href: share, text: '分享链接' }));
        mark.scrollIntoView({ block: 'center' });
      })
      .catch(function (e) { showError(info, e); });
  }

  // ---- start -------------------------------------------------------------------------------

  gql('{ plan { id title chapters { number title } } districts { shortName name } }')
    .then(function (d) {
      state.plan = d.plan;
      state.districts = d.districts;
      document.getElementById('plan-title').textContent = d.plan.title;
      var chapters = document.getElementById('search-chapter');
      d.plan.chapters.forEach(function (c) { chapters.appendChild(el('option', { value: String(c.number), text: '第' + c.number + '章 ' + c.title })); });
      var select = document.getElementById('dossier-district');
      d.districts.forEach(function (x) { select.appendChild(el('option', { value: x.shortName, text: x.name })); });
      document.getElementById('search-form').addEventListener('submit', runSearch);
      document.getElementById('dossier-form').addEventListener('submit', function (e) {
        e.preventDefault();
        location.hash = 'dossier/' + encodeURIComponent(select.value);
      });
      window.addEventListener('hashchange', route);
      route();
    })
    .catch(function (e) { document.querySelector('main').textContent = '无法连接 API：' + e.message; });
})();
