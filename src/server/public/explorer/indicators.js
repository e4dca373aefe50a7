// 指标与目标: each indicator of 专栏1 as a chart (baseline, target, latest observation and the
// expected straight path between baseline and target), drawn by Chart.js served from this
// server; and every quantitative target of the plan as a table with its source.
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;
  const COMPARATOR = { '=': '', '>=': '≥', '>': '>', '<=': '≤', '<': '<', about: '约' };
  const charts = [];

  function fmt(v) {
    return v === null || v === undefined ? '—' : String(Math.round(v * 100) / 100);
  }

  PG.views.indicators = function () {
    const box = document.getElementById('indicators');
    charts.splice(0).forEach(function (c) { c.destroy(); });
    PG.loading(box, '指标与目标');
    PG.gql('query($p: ID) { plan(id: $p) { indicators { id number name unit baseline baselineYear target targetText targetComparator targetYear attribute observations { year value source } progress { expected travelled onTrack met latest { year value } } }' +
      ' targets { id text value unit comparator year indicator { id name } statedIn { __typename id } } } }', { p: PG.state.plan.id })
      .then(function (d) { render(box, d.plan); })
      .catch(function (e) { PG.showError(box, e); });
  };

  function summary(i) {
    const latest = i.progress.latest;
    return i.name + '：' + (i.baseline !== null ? i.baselineYear + ' 年基期 ' + fmt(i.baseline) : '无基期值') + '，' + i.targetYear + ' 年目标 ' + i.targetText + (i.unit ? '（' + i.unit + '）' : '') +
      (latest ? '，最新观测 ' + latest.year + ' 年 ' + fmt(latest.value) + (i.progress.onTrack === true ? '，进度正常' : i.progress.onTrack === false ? '，落后于预期' : '') : '，尚无观测值');
  }

  function chart(canvas, i) {
    const obs = i.observations.slice().sort(function (a, b) { return a.year - b.year; });
    const data = { datasets: [] };
    if (i.baseline !== null && i.target !== null) data.datasets.push({ label: '预期路径', data: [{ x: i.baselineYear, y: i.baseline }, { x: i.targetYear, y: i.target }], borderColor: '#6b7785', borderDash: [6, 4], pointRadius: 0, fill: false });
    if (i.baseline !== null) data.datasets.push({ label: '基期值', data: [{ x: i.baselineYear, y: i.baseline }], borderColor: '#1d4f91', backgroundColor: '#1d4f91', pointRadius: 6, pointStyle: 'rect', showLine: false });
    if (i.target !== null) data.datasets.push({ label: '目标值（' + i.targetText + '）', data: [{ x: i.targetYear, y: i.target }], borderColor: '#b3261e', backgroundColor: '#b3261e', pointRadius: 7, pointStyle: 'triangle', showLine: false });
    if (obs.length) data.datasets.push({ label: '观测值', data: obs.map(function (o) { return { x: o.year, y: o.value }; }), borderColor: '#1b7f3b', backgroundColor: '#1b7f3b', pointRadius: 5, showLine: true });
    const years = [i.baselineYear, i.targetYear].concat(obs.map(function (o) { return o.year; }));
    return new window.Chart(canvas, {
      type: 'line',
      data: data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: true,
        scales: {
          x: { type: 'linear', min: Math.min.apply(null, years), max: Math.max.apply(null, years), ticks: { stepSize: 1, callback: function (v) { return String(v); } }, title: { display: true, text: '年份' } },
          y: { title: { display: !!i.unit, text: i.unit || '' } },
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, tooltip: { callbacks: { title: function (items) { return items[0].parsed.x + ' 年'; } } } },
      },
    });
  }

  function render(box, plan) {
    PG.done(box);
    PG.clear(box);
    box.appendChild(el('p', { class: 'hint', text: '专栏1的 ' + plan.indicators.length + ' 项指标：虚线是从基期值到目标值的预期路径，绿点是已录入的观测值。规划全文共有 ' + plan.targets.length + ' 项量化目标，见下表。' }));
    box.appendChild(el('div', { class: 'actions' }, [PG.downloadButton('指标.csv', ['编号', '指标', '单位', '属性', '基期年', '基期值', '目标年', '目标', '最新观测年', '最新观测值', '进度'], function () {
      return plan.indicators.map(function (i) { const l = i.progress.latest; return [i.number, i.name, i.unit, i.attribute, i.baselineYear, i.baseline, i.targetYear, i.targetText, l ? l.year : '', l ? l.value : '', i.progress.onTrack === null ? '' : i.progress.onTrack ? '正常' : '落后']; });
    })]));
    const grid = el('div', { class: 'charts' });
    plan.indicators.forEach(function (i) {
      const canvas = el('canvas', { role: 'img', 'aria-label': summary(i) });
      const fig = el('figure', { class: 'card chart-card', id: 'indicator-' + i.number }, [
        el('figcaption', {}, [el('h2', { text: i.number + '. ' + i.name }), el('p', { class: 'meta' }, [(i.attribute ? i.attribute + ' · ' : '') + (i.unit ? '单位：' + i.unit + ' · ' : ''), PG.sourceLink(i.id)])]),
        el('div', { class: 'chart-box' }, [canvas]),
        el('p', { class: 'chart-summary', text: summary(i) }),
      ]);
      grid.appendChild(fig);
      charts.push(chart(canvas, i));
    });
    box.appendChild(grid);
    const table = el('table', { class: 'data', id: 'targets' }, [
      el('caption', { text: '量化目标（' + plan.targets.length + ' 项）' }),
      el('thead', {}, [el('tr', {}, ['目标（原文）', '数值', '单位', '年份', '关联指标', '出处'].map(function (h) { return el('th', { scope: 'col', text: h }); }))]),
      el('tbody', {}, plan.targets.map(function (t) {
        return el('tr', {}, [
          el('td', { text: t.text }),
          el('td', { class: 'num', text: (COMPARATOR[t.comparator] || '') + fmt(t.value) }),
          el('td', { text: t.unit }),
          el('td', { text: t.year ? String(t.year) : '—' }),
          el('td', { text: t.indicator ? t.indicator.name : '—' }),
          el('td', {}, [PG.sourceLink(t.id)]),
        ]);
      })),
    ]);
    box.appendChild(el('section', { class: 'card', 'aria-label': '量化目标' }, [
      el('div', { class: 'actions' }, [PG.downloadButton('量化目标.csv', ['编号', '目标', '比较', '数值', '单位', '年份', '关联指标'], function () {
        return plan.targets.map(function (t) { return [t.id, t.text, t.comparator, t.value, t.unit, t.year, t.indicator ? t.indicator.name : '']; });
      })]),
      el('div', { class: 'scroll' }, [table]),
    ]));
  }
})();
