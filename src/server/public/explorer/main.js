// The explorer's router: the whole state lives in the URL hash (#view/arg?key=value), so every
// view can be bookmarked and shared. Loads the plan's outline once, then renders the view.
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;
  const TITLES = { heatmap: '热力图', search: '搜索', dossier: '区县档案', compare: '区县对比', bodies: '责任主体', indicators: '指标与目标', regions: '一区两群', source: '原文' };

  function show(view) {
    document.querySelectorAll('.view').forEach(function (v) { v.hidden = v.id !== 'view-' + view; });
    document.querySelectorAll('nav a[data-view]').forEach(function (a) {
      if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    document.title = (TITLES[view] || '页面不存在') + ' · 规划图谱';
  }

  let lastView = null;
  function route() {
    if (PG.state.quietHash && PG.state.quietHash === location.hash) return;
    PG.state.quietHash = null;
    const h = PG.parseHash();
    const render = PG.views[h.view];
    if (!render) {
      show('missing');
      PG.notFound(document.getElementById('missing'), '没有“' + h.view + '”这个页面。');
      return;
    }
    show(h.view);
    if (lastView !== null && lastView !== h.view) document.getElementById('main').focus({ preventScroll: true });
    lastView = h.view;
    render(h.arg, h.params);
  }

  // The plan shown: ?plan=<id> in the address (the hash keeps the view), else the seed plan.
  const chosen = new URLSearchParams(location.search).get('plan');

  /** A chooser of the loaded plans; choosing one reloads the explorer on it, keeping the view. */
  function offerPlans(plans, current) {
    const select = document.getElementById('plan-choice');
    plans.forEach(function (x) {
      const option = el('option', { value: x.id, text: x.title });
      if (x.id === current) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener('change', function () {
      const query = new URLSearchParams(location.search);
      query.set('plan', select.value);
      location.search = query.toString();
    });
    document.getElementById('plan-chooser').hidden = plans.length < 2;
  }

  PG.gql('query($p: ID) { plan(id: $p) { id title chapters { id number title sections { id number title } } } plans { id title } districts { id code shortName name regions { name } } }', { p: chosen })
    .then(function (d) {
      if (!d.plan) {
        const boot = document.getElementById('boot');
        boot.className = 'state not-found';
        boot.setAttribute('role', 'alert');
        PG.clear(boot).append('没有编号为“' + chosen + '”的规划。', ' ', el('a', { href: '/explorer', text: '打开默认规划' }));
        return;
      }
      offerPlans(d.plans, d.plan.id);
      PG.state.plan = d.plan;
      PG.state.chapters = d.plan.chapters;
      PG.state.districts = d.districts;
      document.getElementById('plan-title').textContent = d.plan.title;
      const names = document.getElementById('district-names');
      d.districts.forEach(function (x) { names.appendChild(el('option', { value: x.shortName })); });
      document.getElementById('boot').remove();
      Object.keys(PG.init || {}).forEach(function (k) { PG.init[k](); });
      window.addEventListener('hashchange', route);
      route();
    })
    .catch(function (e) {
      const boot = document.getElementById('boot');
      boot.className = '';
      PG.showError(boot, e);
    });
})();
