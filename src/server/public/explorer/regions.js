// 一区两群: the regions with their districts and the tasks naming each, as labelled bars.
(function () {
  'use strict';
  const PG = window.PG;
  const el = PG.el;
  let done = false;

  PG.views.regions = function () {
    if (done) return;
    const box = document.getElementById('regions');
    PG.loading(box, '一区两群');
    PG.gql('query($id: ID, $p: String) { plan(id: $id) { regions { id name aliases districtTaskCounts(planId: $p) { district { shortName } taskCount } tasks(first: 1, planId: $p) { totalCount } } } }', { id: PG.state.plan.id, p: PG.state.plan.id })
      .then(function (d) {
        done = true;
        PG.done(box);
        PG.clear(box);
        d.plan.regions.forEach(function (r) {
          const max = Math.max.apply(null, [1].concat(r.districtTaskCounts.map(function (x) { return x.taskCount; })));
          const card = el('section', { class: 'card region', 'aria-label': r.name }, [
            el('h2', { text: r.name }),
            el('p', { class: 'meta', text: (r.aliases.length ? '又称：' + r.aliases.join('、') + ' · ' : '') + '直接点名本区域的任务 ' + r.tasks.totalCount + ' 项 · 区县 ' + r.districtTaskCounts.length + ' 个' }),
          ]);
          const list = el('ul', { class: 'bars' });
          r.districtTaskCounts.forEach(function (x) {
            const fill = el('span', { class: 'fill', 'aria-hidden': 'true' });
            fill.style.width = (6 * x.taskCount / max).toFixed(1) + 'rem';
            list.appendChild(el('li', { class: 'bar' }, [el('a', { href: '#dossier/' + encodeURIComponent(x.district.shortName), text: x.district.shortName }), fill, el('span', { text: x.taskCount + ' 项' })]));
          });
          card.appendChild(list);
          box.appendChild(card);
        });
      })
      .catch(function (e) { PG.showError(box, e); });
  };
})();
