// Shared helpers of the explorer: the GraphQL call with errors in Chinese, DOM building, the
// state in the URL hash, loading / empty / error states, basis tags, CSV download, copy links.
// Built only on the public API at /graphql; nothing is loaded from outside.
(function () {
  'use strict';

  const PG = (window.PG = { views: {}, init: {}, state: { plan: null, text: null, districts: [], chapters: [] } });

  PG.KIND = { Task: '任务', Measure: '措施', Indicator: '指标', Target: '目标', Project: '项目', PilotZone: '试点', Chapter: '章', Section: '节', Box: '专栏' };
  PG.TASK_KIND = { sentence: '条文', indicator: '指标', positioning: '功能定位', project: '项目', corridor: '通道', transport: '交通项目', renewal: '更新项目', pilot_zone: '试点' };
  PG.STATUS = { not_started: '未开始', in_progress: '进行中', done: '已完成', at_risk: '有风险', blocked: '受阻', not_reported: '未报告' };
  PG.ROLE = { lead: '牵头', support: '配合', named: '文中点名', deliver: '落实' };
  PG.BODY_KIND = { coordination: '协调机制', government: '政府', department: '部门', party: '党组织', mass_organisation: '群团组织' };
  /** The basis of a link, as auditors must read it: the text, an inference, or an analyst. */
  PG.BASIS = {
    text: { label: '原文', title: '原文明确写出', cls: 'basis-text' },
    derived: { label: '推定', title: '按规则推定：任务点名区县，由该区县政府落实（非原文）', cls: 'basis-derived' },
    curated: { label: '人工', title: '分析人员按职责指定（非原文）', cls: 'basis-curated' },
    gazetteer: { label: '地名录', title: '文中地名位于该区县（依据地名录）', cls: 'basis-gazetteer' },
  };

  const ERROR_CODES = {
    NOT_FOUND: '未找到请求的内容。',
    BAD_USER_INPUT: '输入无效，请检查后重试。',
    GRAPHQL_VALIDATION_FAILED: '查询无效。',
    GRAPHQL_PARSE_FAILED: '查询无效。',
    RATE_LIMITED: '请求过于频繁，请稍候再试。',
    QUERY_TOO_COMPLEX: '查询过于复杂。',
    SERVICE_UNAVAILABLE: '数据库暂时不可用，请稍后再试。',
    INTERNAL_SERVER_ERROR: '服务器内部错误。',
  };

  /** An error whose message is Chinese; the server's English text is kept as the detail. */
  class ApiError extends Error {
    constructor(message, detail, code) {
      super(message);
      this.detail = detail;
      this.code = code;
    }
  }
  PG.ApiError = ApiError;

  PG.gql = function (query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    })
      .catch(function (e) {
        throw new ApiError('无法连接服务器，请检查网络后重试。', e.message, 'NETWORK');
      })
      .then(function (r) {
        return r.json().catch(function () {
          throw new ApiError('服务器返回了无法识别的内容（HTTP ' + r.status + '）。', r.statusText, 'HTTP_' + r.status);
        });
      })
      .then(function (json) {
        if (json.errors && json.errors.length) {
          const e = json.errors[0];
          const code = (e.extensions && e.extensions.code) || (json.errors[0] && json.errors[0].code) || 'INTERNAL_SERVER_ERROR';
          throw new ApiError(ERROR_CODES[code] || '请求失败。', json.errors.map(function (x) { return x.message; }).join('; '), code);
        }
        return json.data;
      });
  };

  /** Builds an element: attrs (text, html for server-escaped highlights, on* handlers, others as attributes). */
  PG.el = function (tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      const v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'text') node.textContent = v;
      else if (k === 'html') node.innerHTML = v;
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  };
  const el = PG.el;

  PG.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };

  PG.announce = function (message) {
    const live = document.getElementById('live');
    live.textContent = '';
    window.setTimeout(function () { live.textContent = message; }, 30);
  };

  PG.loading = function (container, what) {
    PG.clear(container).appendChild(el('p', { class: 'state loading', role: 'status' }, [el('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在加载' + (what || '') + '…']));
    container.setAttribute('aria-busy', 'true');
  };
  PG.done = function (container) {
    container.removeAttribute('aria-busy');
  };

  PG.empty = function (container, message, hint) {
    PG.done(container);
    container.appendChild(el('div', { class: 'state empty', role: 'status' }, [el('p', { text: message }), hint ? el('p', { class: 'hint', text: hint }) : null]));
  };

  PG.showError = function (container, error) {
    PG.done(container);
    PG.clear(container).appendChild(
      el('div', { class: 'state error', role: 'alert' }, [
        el('p', { text: '出错了：' + (error instanceof ApiError ? error.message : '页面出现意外错误。') }),
        error && (error.detail || error.message) ? el('details', {}, [el('summary', { text: '技术细节（English）' }), el('code', { lang: 'en', text: error.detail || error.message })]) : null,
      ]),
    );
  };

  PG.notFound = function (container, message) {
    PG.done(container);
    PG.clear(container).appendChild(
      el('div', { class: 'state not-found', role: 'alert' }, [el('p', { text: message }), el('p', {}, [el('a', { href: '#heatmap', text: '返回热力图' }), ' · ', el('a', { href: '#search', text: '去搜索' })])]),
    );
  };

  // ---- the URL hash: #view/arg?key=value&... -------------------------------------------------

  PG.parseHash = function () {
    const raw = location.hash.slice(1);
    const q = raw.indexOf('?');
    const path = (q < 0 ? raw : raw.slice(0, q)).split('/').map(function (s) { try { return decodeURIComponent(s); } catch (e) { return s; } });
    const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    return { view: path[0] || 'heatmap', arg: path.slice(1).join('/'), params: params };
  };

  PG.hashFor = function (view, arg, params) {
    let h = '#' + view + (arg ? '/' + encodeURIComponent(arg).replace(/%2F/g, '/') : '');
    const p = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      if (params[k] !== null && params[k] !== undefined && params[k] !== '') p.set(k, params[k]);
    });
    const s = p.toString();
    return s ? h + '?' + s : h;
  };

  /** Sets the hash without a second render when only the state of the current view changed. */
  PG.replaceHash = function (hash) {
    if (location.hash === hash) return;
    PG.state.quietHash = hash;
    history.replaceState(null, '', hash);
  };

  // ---- pieces shared by views ----------------------------------------------------------------

  PG.sourceLink = function (id, label) {
    return el('a', { href: '#source/' + encodeURIComponent(id).replace(/%2F/g, '/'), class: 'source-link', text: label || '原文', 'aria-label': (label || '原文') + '：' + id });
  };

  PG.basisTag = function (basis) {
    const b = PG.BASIS[basis] || { label: basis, title: basis, cls: '' };
    return el('span', { class: 'basis ' + b.cls, title: b.title, text: b.label });
  };

  /** One responsible body with its basis tag and the quote (text, derived) or rationale (curated). */
  PG.bodyLine = function (bl) {
    const link = bl.link;
    const evidence = link.basis === 'curated' ? link.rationale : link.quote ? '“' + link.quote + '”' : link.rationale;
    return el('li', { class: 'body-line' }, [
      PG.basisTag(link.basis),
      el('a', { href: '#bodies/' + encodeURIComponent(bl.body.id).replace(/%2F/g, '/'), text: bl.body.name }),
      link.role ? el('span', { class: 'role', text: PG.ROLE[link.role] || link.role }) : null,
      evidence ? el('span', { class: 'evidence', text: evidence }) : null,
    ]);
  };

  /**
   * A task's bodies: text links first, then curated ones (leads first), each on its own line with
   * its evidence; the derived district governments share one line, since their evidence is the
   * district's own name in the task.
   */
  PG.bodiesBlock = function (bodyLinks) {
    if (!bodyLinks || !bodyLinks.length) return el('p', { class: 'meta', text: '责任主体：未指定' });
    const derived = bodyLinks.filter(function (b) { return b.link.basis === 'derived'; });
    const rank = { text: 0, gazetteer: 1, curated: 2 };
    const others = bodyLinks.filter(function (b) { return b.link.basis !== 'derived'; }).sort(function (a, b) {
      return (rank[a.link.basis] - rank[b.link.basis]) || ((a.link.role === 'lead' ? 0 : 1) - (b.link.role === 'lead' ? 0 : 1));
    });
    const items = others.map(PG.bodyLine);
    if (derived.length) {
      const names = [];
      derived.forEach(function (b, i) {
        if (i) names.push('、');
        names.push(el('a', { href: '#bodies/' + encodeURIComponent(b.body.id).replace(/%2F/g, '/'), text: b.body.name }));
      });
      items.push(el('li', { class: 'body-line' }, [PG.basisTag('derived'), el('span', { class: 'names' }, names), el('span', { class: 'evidence', text: '（任务点名' + derived.map(function (b) { return '“' + b.link.quote + '”'; }).join('') + '，由其政府落实）' })]));
    }
    return el('div', { class: 'bodies' }, [el('span', { class: 'meta', text: '责任主体（' + bodyLinks.length + '）：' }), el('ul', { class: 'body-list' }, items)]);
  };

  PG.BODY_LINKS = 'bodyLinks { body { id name kind } link { basis role quote rationale } }';

  PG.chapterLabel = function (c) {
    return c ? '第' + c.number + '章 ' + c.title : '';
  };

  // ---- CSV download (UTF-8 with BOM, so that Excel reads it) ---------------------------------

  function csvCell(v) {
    const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('\n') : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  PG.csv = function (columns, rows) {
    return '\uFEFF' + [columns.map(csvCell).join(',')].concat(rows.map(function (r) { return r.map(csvCell).join(','); })).join('\r\n') + '\r\n';
  };

  /** A "下载此视图 (CSV)" button; rows() is called at click time so it sees the current view. */
  PG.saveCsv = function (fileName, columns, rows) {
    const blob = new Blob([PG.csv(columns, rows)], { type: 'text/csv;charset=utf-8' });
    const a = el('a', { href: URL.createObjectURL(blob), download: fileName, hidden: true });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    PG.announce('已下载 ' + fileName);
  };
  PG.downloadButton = function (fileName, columns, rows) {
    return el('button', { type: 'button', class: 'secondary download', text: '下载此视图（CSV）', onclick: function () { PG.saveCsv(fileName, columns, rows()); } });
  };

  /** A share link with a copy button; falls back to selecting the text where the clipboard is refused. */
  PG.shareBox = function (url) {
    const input = el('input', { type: 'text', readonly: true, value: url, class: 'share-url', 'aria-label': '分享链接' });
    const status = el('span', { class: 'copy-status', role: 'status' });
    const button = el('button', {
      type: 'button',
      class: 'secondary copy',
      text: '复制链接',
      onclick: function () {
        const ok = function () { status.textContent = '已复制'; PG.announce('链接已复制'); };
        const fallback = function () {
          input.select();
          try { document.execCommand('copy'); ok(); } catch (e) { status.textContent = '请按 Ctrl+C 复制'; }
        };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(ok, fallback);
        else fallback();
      },
    });
    return el('div', { class: 'share' }, [el('span', { class: 'meta', text: '分享链接：' }), input, button, status]);
  };

  /** Moves focus to the container's heading; scrolls only when the heading is off screen. */
  PG.focusHeading = function (container) {
    const h = container.querySelector('h2, h3');
    if (!h) return;
    h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: true });
    const r = h.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) h.scrollIntoView({ block: 'start' });
  };
})();
