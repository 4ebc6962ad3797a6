/**
 * The report's one script, inlined and allowed by its sha256 in the Content-Security-Policy. It only
 * enhances a page that reads fine without it: filters (failed only, on by default when checks failed; area,
 * level), search by id or text,
 * deep links that open and scroll to a check (`#MP-SIG-002`), copy buttons, expand / collapse all, JSON
 * colouring of a body when it is opened, and failing checks opened for printing. It builds nodes with
 * `textContent` only: nothing it touches is ever parsed as markup. It carries no data, so its hash never
 * depends on what the endpoint sent (or on the secret redactor).
 */
export const SCRIPT = String.raw`(function () {
  'use strict';
  var d = document, root = d.documentElement;
  root.classList.add('js');
  var checks = Array.prototype.slice.call(d.querySelectorAll('details.check'));
  var areas = Array.prototype.slice.call(d.querySelectorAll('section.area'));
  var search = d.getElementById('f-search'), failedOnly = d.getElementById('f-failed');
  var area = d.getElementById('f-area'), level = d.getElementById('f-level'), count = d.getElementById('f-count');
  var texts = null;

  function apply() {
    var term = search.value.trim().toLowerCase(), shown = 0;
    if (term && !texts) texts = checks.map(function (c) { return c.textContent.toLowerCase(); });
    checks.forEach(function (c, i) {
      var ok = (!failedOnly.checked || c.getAttribute('data-failed') === '1') &&
        (!area.value || c.getAttribute('data-area') === area.value) &&
        (!level.value || c.getAttribute('data-level') === level.value) &&
        (!term || c.id.toLowerCase().indexOf(term) >= 0 || texts[i].indexOf(term) >= 0);
      c.classList.toggle('filtered', !ok);
      if (ok) shown++;
    });
    areas.forEach(function (s) { s.classList.toggle('filtered', !s.querySelector('details.check:not(.filtered)')); });
    count.textContent = shown + ' of ' + checks.length + ' checks shown';
  }
  function reset() {
    search.value = ''; failedOnly.checked = false; area.value = ''; level.value = '';
    apply();
  }
  var pending = 0;
  search.addEventListener('input', function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(apply);
  });
  [failedOnly, area, level].forEach(function (el) { el.addEventListener('change', apply); });
  d.getElementById('f-reset').addEventListener('click', reset);
  d.getElementById('f-expand').addEventListener('click', function () {
    checks.forEach(function (c) { if (!c.classList.contains('filtered')) c.open = true; });
  });
  d.getElementById('f-collapse').addEventListener('click', function () {
    checks.forEach(function (c) { c.open = false; });
  });

  function openHash() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var el = id && d.getElementById(id);
    if (!el) return;
    if (el.closest('.filtered')) reset();
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    var prev = d.querySelector('.target');
    if (prev) prev.classList.remove('target');
    el.classList.add('target');
    el.scrollIntoView({ block: 'start' });
  }
  window.addEventListener('hashchange', openHash);
  d.addEventListener('click', function (e) {
    var t = e.target, a = t.closest && t.closest('a[href^="#"]');
    if (a && a.getAttribute('href') === location.hash) { e.preventDefault(); openHash(); }
    var b = t.closest && t.closest('button.copy');
    if (!b) return;
    var src = d.getElementById(b.getAttribute('data-copy'));
    if (!src) return;
    var done = function (word) {
      b.textContent = word; b.classList.add('done');
      setTimeout(function () { b.textContent = 'copy'; b.classList.remove('done'); }, 1500);
    };
    var select = function () {
      var r = d.createRange(); r.selectNodeContents(src);
      var s = getSelection(); s.removeAllRanges(); s.addRange(r);
      var ok = false;
      try { ok = d.execCommand('copy'); } catch (x) { ok = false; }
      done(ok ? 'copied' : 'selected');
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(src.textContent).then(function () { done('copied'); }, select);
    else select();
  });
  d.addEventListener('keydown', function (e) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test((e.target && e.target.tagName) || '');
    if (e.key === '/' && !typing) { e.preventDefault(); search.focus(); }
    else if (e.key === 'Escape' && e.target === search) { search.value = ''; apply(); }
  });

  var TOKEN = /("(?:[^"\\\n]|\\.)*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
  function colour(pre) {
    pre.setAttribute('data-hl', '1');
    var text = pre.textContent;
    if (text.length > 200000) return;
    var frag = d.createDocumentFragment(), last = 0, m;
    var span = function (cls, s) { var el = d.createElement('span'); el.className = cls; el.textContent = s; frag.appendChild(el); };
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) {
      if (m.index > last) frag.appendChild(d.createTextNode(text.slice(last, m.index)));
      if (m[1] && m[2]) { span('k', m[1]); frag.appendChild(d.createTextNode(m[2])); }
      else if (m[1]) span('s', m[1]);
      else span(/^[tfn]/.test(m[0]) ? 'b' : 'n', m[0]);
      last = TOKEN.lastIndex;
    }
    frag.appendChild(d.createTextNode(text.slice(last)));
    pre.textContent = '';
    pre.appendChild(frag);
  }
  function colourIn(details) {
    Array.prototype.forEach.call(details.querySelectorAll('pre.json:not([data-hl])'), function (pre) {
      if (pre.closest('details') === details) colour(pre);
    });
  }
  d.addEventListener('toggle', function (e) { if (e.target.open) colourIn(e.target); }, true);
  Array.prototype.forEach.call(d.querySelectorAll('details[open]'), colourIn);

  var openedForPrint = [];
  window.addEventListener('beforeprint', function () {
    checks.forEach(function (c) { if (c.getAttribute('data-failed') === '1' && !c.open) { c.open = true; openedForPrint.push(c); } });
    var meta = d.getElementById('what-was-tested');
    if (meta && !meta.open) { meta.open = true; openedForPrint.push(meta); }
  });
  window.addEventListener('afterprint', function () {
    openedForPrint.forEach(function (c) { c.open = false; });
    openedForPrint = [];
  });

  // A failing run opens on its failures: "failed only" is on until the reader asks for more (a deep link to
  // another check turns it off, as any filter that hides the target).
  if (d.body.getAttribute('data-failing') === '1') failedOnly.checked = true;
  apply();
  openHash();
})();`;
