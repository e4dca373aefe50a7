// 热力图: districts x chapters, with legend, totals, sorting, a region filter (一区两群), chapter
// titles in the header, and a keyboard grid that moves between non-empty cells only. The state
// (region, sort, counting scope, columns, open cell) is in the hash:
// #heatmap?region=…&sort=…&scope=region&cols=…&cell=万州~3
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;
  let matrix = null;
  /** district short name -> its region-level tasks (tasks naming a region it lies in), fetched on demand. */
  let regionTasks = null;

  function loadRegionTasks(m) {
    if (regionTasks) return Promise.resolve(regionTasks);
    return Promise.all(m.districts.map(function (d) {
      // regionTasks may also hold tasks that name the district itself: those are counted as its own.
      return PG.gql('query($n: String, $p: String) { district(name: $n) { tasks(first: 60, planId: $p) { edges { node { id } } } regionTasks(first: 100, planId: $p) { edges { node { id text chapter { id } section { number title } source { line } } link { quote } } } } }', { n: d.shortName, p: PG.state.plan.id })
        .then(function (r) {
          const own = {};
          r.district.tasks.edges.forEach(function (e) { own[e.node.id] = true; });
          return [d.shortName, r.district.regionTasks.edges.filter(function (e) { return !own[e.node.id]; })];
        });
    })).then(function (pairs) {
      regionTasks = {};
      pairs.forEach(function (x) { regionTasks[x[0]] = x[1]; });
      return regionTasks;
    });
  }

  function alpha(n, max) {
    return 0.1 + 0.85 * (Math.log(1 + n) / Math.log(1 + max));
  }
  function shade(n, max) {
    return n ? 'rgba(179, 38, 30, ' + alpha(n, max).toFixed(3) + ')' : null;
  }
  /** White or black text, whichever contrasts more with the cell (at worst about 4.6:1). */
  function needsWhite(n, max) {
    const a = alpha(n, max);
    const lin = function (c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    const mix = [179, 38, 30].map(function (c) { return 255 - (255 - c) * a; });
    const L = 0.2126 * lin(mix[0]) + 0.7152 * lin(mix[1]) + 0.0722 * lin(mix[2]);
    return 1.05 / (L + 0.05) > (L + 0.05) / 0.05;
  }

  /** The colour scale: the same function colours the cells and the legend's swatches. */
  function legend(max) {
    const box = PG.clear(document.getElementById('heatmap-legend'));
    box.appendChild(el('span', { class: 'meta', text: '图例（任务数，颜色按对数刻度）：' }));
    box.appendChild(el('span', { class: 'swatch zero', text: '0' }));
    const steps = [1, Math.round(max / 4), Math.round(max / 2), Math.round((3 * max) / 4), max].filter(function (v, i, all) { return v >= 1 && all.indexOf(v) === i; });
    steps.forEach(function (b) {
      const s = el('span', { class: 'swatch', text: String(b) });
      s.style.background = shade(b, max);
      s.style.color = needsWhite(b, max) ? '#fff' : '#000';
      box.appendChild(s);
    });
  }

  function params() {
    const p = PG.parseHash().params;
    return { region: p.get('region') || '', sort: p.get('sort') || 'code', scope: p.get('scope') === 'region' ? 'region' : 'own', cols: p.get('cols') || 'nonempty', cell: p.get('cell') || '' };
  }

  function setParams(next) {
    const p = Object.assign(params(), next);
    const hash = PG.hashFor('heatmap', '', { region: p.region, sort: p.sort === 'code' ? '' : p.sort, scope: p.scope === 'own' ? '' : p.scope, cols: p.cols === 'nonempty' ? '' : p.cols, cell: p.cell });
    if (location.hash !== hash) location.hash = hash;
  }

  PG.init.heatmap = function () {
    const region = document.getElementById('heatmap-region');
    [['', '全市（38 个区县）'], ['主城都市区', '主城都市区'], ['中心城区', '· 中心城区'], ['主城新区', '· 主城新区'], ['渝东北三峡库区城镇群', '渝东北三峡库区城镇群'], ['渝东南武陵山区城镇群', '渝东南武陵山区城镇群']].forEach(function (o) {
      region.appendChild(el('option', { value: o[0], text: o[1] }));
    });
    const sort = document.getElementById('heatmap-sort');
    sort.appendChild(el('option', { value: 'code', text: '按行政区划代码' }));
    sort.appendChild(el('option', { value: 'total', text: '按任务总数（多→少）' }));
    PG.state.chapters.forEach(function (c) { sort.appendChild(el('option', { value: 'chp' + c.number, text: '按第' + c.number + '章任务数' })); });
    region.addEventListener('change', function () { setParams({ region: region.value, cell: '' }); });
    sort.addEventListener('change', function () { setParams({ sort: sort.value }); });
    document.getElementById('heatmap-cols').addEventListener('change', function (e) { setParams({ cols: e.target.value }); });
    document.getElementById('heatmap-scope').addEventListener('change', function (e) { setParams({ scope: e.target.value }); });
  };

  PG.views.heatmap = function (_arg, query) {
    const wrap = document.getElementById('heatmap-wrap');
    const p = params();
    document.getElementById('heatmap-region').value = p.region;
    document.getElementById('heatmap-sort').value = p.sort;
    document.getElementById('heatmap-cols').value = p.cols;
    document.getElementById('heatmap-scope').value = p.scope;
    const data = matrix
      ? Promise.resolve(matrix)
      : (PG.loading(wrap, '热力图'),
        PG.gql('query($p: ID) { districtChapterMatrix(planId: $p) { districts { id code shortName name regions { name } } chapters { id number title } cells { district { id } chapter { id } taskCount } } }', { p: PG.state.plan.id }).then(function (d) {
          matrix = d.districtChapterMatrix;
          return matrix;
        }));
    data
      .then(function (m) {
        return p.scope === 'region' ? loadRegionTasks(m).then(function () { return m; }) : m;
      })
      .then(function (m) {
        draw(wrap, m, p);
        if (p.cell) openCell(m, p.cell, p.scope, query && query.get('focus') !== 'no');
        else document.getElementById('cell-tasks').hidden = true;
      })
      .catch(function (e) { PG.showError(wrap, e); });
  };

  function draw(wrap, m, p) {
    PG.done(wrap);
    const counts = {};
    let max = 1;
    m.cells.forEach(function (c) { counts[c.district.id + '|' + c.chapter.id] = c.taskCount; });
    if (p.scope === 'region') {
      m.districts.forEach(function (d) {
        (regionTasks[d.shortName] || []).forEach(function (e) {
          if (!e.node.chapter) return;
          const k = d.id + '|' + e.node.chapter.id;
          counts[k] = (counts[k] || 0) + 1;
        });
      });
    }
    Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k]); });
    const districts = m.districts.filter(function (d) { return !p.region || d.regions.some(function (r) { return r.name === p.region; }); });
    const colTotal = function (c) { return districts.reduce(function (s, d) { return s + (counts[d.id + '|' + c.id] || 0); }, 0); };
    const allChapters = m.chapters;
    const chapters = p.cols === 'all' ? allChapters : allChapters.filter(function (c) { return colTotal(c) > 0; });
    const hidden = allChapters.filter(function (c) { return chapters.indexOf(c) < 0; });
    const rowTotal = function (d) { return chapters.reduce(function (s, c) { return s + (counts[d.id + '|' + c.id] || 0); }, 0); };
    const rows = districts.slice();
    if (p.sort === 'total') rows.sort(function (a, b) { return rowTotal(b) - rowTotal(a) || a.code.localeCompare(b.code); });
    else if (p.sort.indexOf('chp') === 0) {
      const c = allChapters.find(function (x) { return 'chp' + x.number === p.sort; });
      if (c) rows.sort(function (a, b) { return (counts[b.id + '|' + c.id] || 0) - (counts[a.id + '|' + c.id] || 0) || rowTotal(b) - rowTotal(a) || a.code.localeCompare(b.code); });
    }
    const sortedBy = p.sort;
    const table = el('table', { id: 'heatmap', class: 'heatmap' });
    table.appendChild(el('caption', { text: (p.scope === 'region' ? '各区县在各章中被点名（含点名所在区域）的任务数' : '各区县在各章中被点名的任务数') + (p.region ? '（' + p.region + '，' + districts.length + ' 个区县）' : '（全市 ' + districts.length + ' 个区县）') + (sortedBy !== 'code' ? '，已按' + (sortedBy === 'total' ? '合计' : '第' + sortedBy.slice(3) + '章') + '排序' : '') }));
    const head = el('tr', {}, [el('th', { scope: 'col', class: 'corner', text: '区县' })]);
    chapters.forEach(function (c) {
      const active = sortedBy === 'chp' + c.number;
      head.appendChild(el('th', { scope: 'col', class: 'chapter', 'aria-sort': active ? 'descending' : null }, [
        el('button', { type: 'button', class: 'sort', 'aria-label': '按第' + c.number + '章 ' + c.title + ' 排序', onclick: function () { setParams({ sort: 'chp' + c.number }); } }, [
          el('span', { class: 'num', text: '第' + c.number + '章' }), el('span', { class: 'ctitle', text: c.title }),
        ]),
      ]));
    });
    head.appendChild(el('th', { scope: 'col', class: 'total', 'aria-sort': sortedBy === 'total' ? 'descending' : null }, [el('button', { type: 'button', class: 'sort', onclick: function () { setParams({ sort: 'total' }); } }, [el('span', { class: 'num', text: '合计' })])]));
    table.appendChild(el('thead', {}, [head]));
    const body = el('tbody');
    rows.forEach(function (d) {
      const tr = el('tr', {}, [el('th', { scope: 'row', class: 'row' }, [el('a', { href: '#dossier/' + encodeURIComponent(d.shortName), text: d.shortName, title: d.name })])]);
      chapters.forEach(function (c) {
        const n = counts[d.id + '|' + c.id] || 0;
        const td = el('td', { class: 'cell', 'data-district': d.shortName, 'data-chapter': c.id });
        if (n) {
          td.style.background = shade(n, max);
          if (needsWhite(n, max)) td.classList.add('dark');
          const key = d.shortName + '~' + c.number;
          td.appendChild(el('button', {
            type: 'button',
            class: 'cell-button',
            tabindex: '-1',
            'aria-pressed': p.cell === key ? 'true' : 'false',
            'aria-label': d.shortName + '，第' + c.number + '章 ' + c.title + '：' + n + ' 项任务',
            text: String(n),
            onclick: function () { setParams({ cell: key }); },
          }));
        } else {
          td.appendChild(el('span', { class: 'visually-hidden', text: '0' }));
        }
        tr.appendChild(td);
      });
      tr.appendChild(el('td', { class: 'total', text: String(rowTotal(d)) }));
      body.appendChild(tr);
    });
    table.appendChild(body);
    const foot = el('tr', {}, [el('th', { scope: 'row', class: 'row', text: '合计' })]);
    chapters.forEach(function (c) { foot.appendChild(el('td', { class: 'total', text: String(colTotal(c)) })); });
    foot.appendChild(el('td', { class: 'total', text: String(rows.reduce(function (s, d) { return s + rowTotal(d); }, 0)) }));
    table.appendChild(el('tfoot', {}, [foot]));
    PG.clear(wrap).appendChild(table);
    legend(max);
    rovingGrid(table);
    const note = document.getElementById('heatmap-note');
    note.textContent = hidden.length && p.cols !== 'all' ? '第' + hidden.map(function (c) { return c.number; }).join('、') + '章没有点名' + (p.region ? '本区域' : '') + '任何区县的任务，已隐藏（可在“列”中显示全部章）。' : '';
    PG.state.heatmapRows = function () {
      return rows.map(function (d) { return [d.shortName, d.code].concat(chapters.map(function (c) { return counts[d.id + '|' + c.id] || 0; })).concat([rowTotal(d)]); });
    };
    PG.state.heatmapColumns = ['区县', '代码'].concat(chapters.map(function (c) { return '第' + c.number + '章 ' + c.title; })).concat(['合计']);
    if (!document.getElementById('heatmap-download')) {
      const button = el('button', { type: 'button', id: 'heatmap-download', class: 'secondary download', text: '下载此视图（CSV）', onclick: function () { PG.saveCsv('区县-章任务数.csv', PG.state.heatmapColumns, PG.state.heatmapRows()); } });
      note.parentNode.insertBefore(button, note.nextSibling);
    }
  }

  /** One tab stop for the grid; arrow keys move to the next non-empty cell in that direction. */
  function rovingGrid(table) {
    const buttons = Array.prototype.slice.call(table.querySelectorAll('tbody .cell-button'));
    if (!buttons.length) return;
    const current = table.querySelector('.cell-button[aria-pressed="true"]') || buttons[0];
    current.tabIndex = 0;
    const pos = function (b) { const td = b.parentNode; return { r: td.parentNode.rowIndex, c: td.cellIndex }; };
    table.addEventListener('keydown', function (e) {
      const from = e.target.closest && e.target.closest('.cell-button');
      if (!from) return;
      const a = pos(from);
      let best = null;
      let bestScore = Infinity;
      const dir = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] }[e.key];
      if (e.key === 'Home' || e.key === 'End') {
        best = e.key === 'Home' ? buttons[0] : buttons[buttons.length - 1];
      } else if (dir) {
        buttons.forEach(function (b) {
          const q = pos(b);
          const dr = q.r - a.r;
          const dc = q.c - a.c;
          const along = dir[0] ? dr * dir[0] : dc * dir[1];
          if (along <= 0) return;
          const across = dir[0] ? Math.abs(dc) : Math.abs(dr);
          const score = along + across * 100;
          if (score < bestScore) { bestScore = score; best = b; }
        });
      } else return;
      e.preventDefault();
      if (best) {
        from.tabIndex = -1;
        best.tabIndex = 0;
        best.focus();
      }
    });
  }

  function openCell(m, key, scope, moveFocus) {
    const parts = key.split('~');
    const dist = m.districts.find(function (d) { return d.shortName === parts[0]; });
    const chapter = m.chapters.find(function (c) { return String(c.number) === parts[1]; });
    const panel = document.getElementById('cell-tasks');
    panel.hidden = false;
    if (!dist || !chapter) { PG.notFound(panel, '没有这个单元格：' + key); return; }
    PG.loading(panel, '任务');
    PG.gql('query($n: String, $p: String) { district(name: $n) { name shortName tasks(first: 60, planId: $p) { edges { node { id kind text chapter { id } section { number title } source { line } ' + PG.BODY_LINKS + ' } link { quote basis } } } } }', { n: dist.shortName, p: PG.state.plan.id })
      .then(function (d) {
        const own = d.district.tasks.edges.filter(function (e) { return e.node.chapter && e.node.chapter.id === chapter.id; });
        const viaRegion = scope === 'region' ? (regionTasks[dist.shortName] || []).filter(function (e) { return e.node.chapter && e.node.chapter.id === chapter.id; }) : [];
        const tasks = own.concat(viaRegion.map(function (e) { return { node: Object.assign({ bodyLinks: [] }, e.node), link: e.link, region: true }; }));
        PG.done(panel);
        PG.clear(panel);
        panel.appendChild(el('h2', { text: d.district.name + ' · 第' + chapter.number + '章 ' + chapter.title + '（' + tasks.length + ' 项' + (viaRegion.length ? '，其中 ' + viaRegion.length + ' 项点名所在区域' : '') + '）' }));
        panel.appendChild(el('div', { class: 'actions' }, [
          PG.downloadButton(d.district.shortName + '-第' + chapter.number + '章任务.csv', ['任务', '节', '原文', '提及', '行', '责任主体'], function () {
            return tasks.map(function (e) { return [e.node.id, e.node.section ? '第' + e.node.section.number + '节 ' + e.node.section.title : '', e.node.text, e.link.quote, e.node.source.line, e.node.bodyLinks.map(function (b) { return b.body.name + '（' + PG.BASIS[b.link.basis].label + '）'; })]; });
          }),
          el('a', { href: PG.hashFor('heatmap', '', { region: params().region, sort: params().sort === 'code' ? '' : params().sort, scope: params().scope === 'own' ? '' : params().scope, cols: params().cols === 'nonempty' ? '' : params().cols }), class: 'button-like', text: '关闭' }),
        ]));
        panel.appendChild(el('ol', { class: 'tasks' }, tasks.map(function (e) {
          return el('li', {}, [
            el('p', { class: 'task-text', text: e.node.text }),
            el('p', { class: 'meta' }, [
              (e.node.section ? '第' + e.node.section.number + '节 ' + e.node.section.title + ' · ' : '') + '原文第 ' + e.node.source.line + ' 行 · ' + (e.region ? '点名所在区域“' : '提及“') + e.link.quote + '” · ',
              PG.sourceLink(e.node.id),
            ]),
            e.region ? null : PG.bodiesBlock(e.node.bodyLinks),
          ]);
        })));
        if (moveFocus) PG.focusHeading(panel);
        PG.announce(d.district.name + '第' + chapter.number + '章：' + tasks.length + ' 项任务，已在下方列出');
      })
      .catch(function (e) { PG.showError(panel, e); });
  }
})();
