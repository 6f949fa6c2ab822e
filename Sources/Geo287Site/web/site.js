// geo287 site: search, "use my location" and the interactive map. No request leaves the page:
// the data (data/site.js), the words (text/en.js, text/es.js) and, for a located point, the
// polygons of its state (data/geo-SS.js) are plain script files beside the pages.
(function () {
  'use strict';
  var G = window.GEO287 = window.GEO287 || {};
  var D = null, lang = 'en', current = null, waiting = {}, geo = {};
  var root = document.documentElement.getAttribute('data-root') || '';

  G.text = G.text || {};
  // An agreement of data/site.js is an array (SiteAgreements.json): named here.
  function agreement(r) {
    return { n: r[0], s: r[1], m: r[2], l: r[3], d: r[4], u: r[5], r: r[6], g: r[7], c: r[8], p: r[9] === 1, x: r[10] || [] };
  }
  G.data = function (d) { d.agreements = d.agreements.map(agreement); D = d; };
  var placeIndex = null, placeWaiters = null;
  G.places = function (byState) {
    placeIndex = {};
    Object.keys(byState).forEach(function (fips) {
      placeIndex[fips] = byState[fips] ? byState[fips].split(';').map(function (row) {
        var f = row.split('|');
        return { name: f[0], code: f[1], counties: f[2] ? f[2].split(',') : [], cdp: f[3] === '1', people: +f[4] || 0,
          alias: f[5] || null };
      }) : [];
    });
    entries = null;
    (placeWaiters || []).forEach(function (f) { f(); });
    placeWaiters = null;
  };
  // The search index of every Census place is loaded when the search is first used.
  function loadPlaces(done) {
    if (placeIndex) { done(); return; }
    if (placeWaiters) { placeWaiters.push(done); return; }
    placeWaiters = [done];
    var s = document.createElement('script');
    s.src = root + 'data/places.js';
    s.onerror = function () { G.places({}); };
    document.head.appendChild(s);
  }
  function pad(code, n) { code = String(code); while (code.length < n) code = '0' + code; return code; }
  G.polygons = function (fips, body) {
    geo[fips] = body;
    (waiting[fips] || []).forEach(function (f) { f(); });
    delete waiting[fips];
  };

  // ---- words -------------------------------------------------------------------------
  function t(key) {
    var table = G.text[lang] || G.text.en || {};
    var s = table[key] != null ? table[key] : ((G.text.en || {})[key] || key);
    for (var i = 1; i < arguments.length; i++) s = s.split('{' + (i - 1) + '}').join(String(arguments[i]));
    return s;
  }
  function num(n) { return Number(n).toLocaleString(lang === 'es' ? 'es-US' : 'en-US'); }
  function pct(a, b) {
    if (!b) return '0%';
    var p = 100 * a / b;
    return (p > 0 && p < 1 ? '<1' : (p < 100 && p > 99 ? '>99' : Math.round(p))) + '%';
  }
  function applyText() {
    document.documentElement.lang = lang;
    var sw = document.getElementById('lang-switch');
    if (sw) sw.setAttribute('lang', lang === 'en' ? 'es' : 'en');
    document.querySelectorAll('[data-t]').forEach(function (el) {
      var args = (el.getAttribute('data-args') || '').split('|').filter(function (x) { return x !== ''; });
      el.textContent = t.apply(null, [el.getAttribute('data-t')].concat(args));
    });
    document.querySelectorAll('[data-t-placeholder]').forEach(function (el) {
      el.setAttribute('placeholder', t(el.getAttribute('data-t-placeholder')));
    });
    fillDynamic();
    if (current) show(current, false);
  }
  function setLang(l) {
    lang = G.text[l] ? l : 'en';
    try { localStorage.setItem('geo287-lang', lang); } catch (e) { /* private mode: not kept */ }
    applyText();
  }

  // ---- names -------------------------------------------------------------------------
  function norm(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/\bsaint\b/g, 'st').replace(/\bst\./g, 'st').replace(/[^a-z0-9]+/g, ' ').trim();
  }
  var countySuffix = / (county|parish|borough|census area|city and borough|municipality|municipio|planning region)$/;
  function edit(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  }
  var entries = null;
  // Every searchable name: states, counties, places, and agencies (a township police is found
  // by its own name). key: normalized name; kind; the location it answers for.
  function buildEntries() {
    entries = [];
    Object.keys(D.states).forEach(function (usps) {
      entries.push({ key: norm(D.states[usps].n), kind: 'state', usps: usps, label: D.states[usps].n });
    });
    Object.keys(D.counties).forEach(function (g) {
      var usps = uspsOf(g), name = D.counties[g][0];
      entries.push({ key: norm(name).replace(countySuffix, ''), full: norm(name), kind: 'county', usps: usps, county: g,
        label: name + ', ' + usps });
    });
    Object.keys(placeIndex || {}).forEach(function (fips) {
      var usps = D.fipsToUSPS[fips];
      placeIndex[fips].forEach(function (p) {
        var e = { key: norm(p.name), kind: 'place', usps: usps, place: fips + pad(p.code, 5),
          counties: p.counties.map(function (c) { return fips + pad(c, 3); }), cdp: p.cdp, people: p.people, label: p.name + ', ' + usps };
        entries.push(e);
        if (p.alias) {
          entries.push({ key: norm(p.alias), kind: e.kind, usps: usps, place: e.place, counties: e.counties, people: e.people, label: e.label });
        }
      });
    });
    D.agreements.forEach(function (a, i) {
      if (a.r === 'none' || !a.s) return;
      entries.push({ key: norm(a.n), kind: 'agency', usps: a.s, agreement: i, label: a.n + ', ' + a.s });
    });
  }
  function uspsOf(g) { return D.fipsToUSPS[g.slice(0, 2)]; }
  // A county GEOID the page has no row for (a legacy Connecticut county) is shown as its code.
  function countyName(g) { return D.counties[g] ? D.counties[g][0] : g; }
  function stateFilter(q) {
    var m = q.match(/^(.*?)[,\s]+([a-z][a-z .]*)$/i);
    if (!m) return null;
    var tail = norm(m[2]);
    for (var usps in D.states) {
      if (tail === usps.toLowerCase() || tail === norm(D.states[usps].n)) return { name: m[1], usps: usps };
    }
    return null;
  }
  // Exact names first; else names that start with the query, then near misspellings.
  function search(q) {
    if (!entries) buildEntries();
    var f = stateFilter(q), usps = f ? f.usps : null, text = norm(f ? f.name : q);
    if (!text && usps) return { exact: [entryForState(usps)], near: [] };
    var wantsCounty = countySuffix.test(text);
    var bare = text.replace(countySuffix, '');
    var pool = entries.filter(function (e) { return !usps || e.usps === usps; });
    var exact = pool.filter(function (e) {
      if (e.kind === 'county') return e.key === bare || e.full === text;
      if (e.kind === 'agency') return e.key === text;
      return !wantsCounty && e.key === text;
    });
    // Several exact matches: a county first when asked for, else a place; then the most populous.
    // "Los Angeles" is the city, "Los Angeles County" the county.
    function rank(e) { return (e.kind === 'county') === wantsCounty ? 0 : 1; }
    exact.sort(function (a, b) {
      return (rank(a) - rank(b)) ||
        (weight(b) - weight(a)) || (a.label < b.label ? -1 : 1);
    });
    var near = [];
    if (!exact.length && bare.length >= 3) {
      var tol = bare.length >= 9 ? 2 : (bare.length >= 5 ? 1 : 0);
      pool.forEach(function (e) {
        var k = e.key, score;
        if (k.indexOf(bare) === 0) score = k.length - bare.length;
        else if (e.kind === 'agency' && k.indexOf(' ' + bare) > 0) score = 50;
        else {
          var d = edit(bare, k, tol);
          if (d > tol) return;
          score = 20 + d;
        }
        if (wantsCounty && e.kind !== 'county') score += 100;
        if (e.kind === 'agency') score += 30;
        near.push({ e: e, score: score });
      });
      near.sort(function (a, b) { return a.score - b.score || (a.e.label < b.e.label ? -1 : 1); });
      near = near.slice(0, 8).map(function (x) { return x.e; });
    }
    return { exact: exact, near: near };
  }
  function weight(e) {
    if (e.kind === 'state') return 1e9;
    if (e.kind === 'county') return D.counties[e.county][1] / 100;
    return e.people || 0;
  }
  function entryForState(usps) { return { kind: 'state', usps: usps, label: D.states[usps].n }; }

  // ---- answers -----------------------------------------------------------------------
  // The same cases as `geo287 lookup` (LookupCoverage), applied to this page's data.
  function locationOf(e) {
    if (e.kind === 'state') return { usps: e.usps, counties: [], place: null, label: e.label, query: 'state' };
    if (e.kind === 'county') return { usps: e.usps, counties: [e.county], place: null, label: e.label, query: 'county' };
    if (e.kind === 'place') return { usps: e.usps, counties: e.counties, place: e.place, label: e.label, query: 'place' };
    var a = D.agreements[e.agreement];
    if (a.r === 'place' || (a.r === 'facility' && a.g.length === 7)) {
      var p = placeRow(a.g);
      if (p) return { usps: a.s, counties: p.counties, place: a.g, label: p.label, query: 'place' };
    }
    if (a.c.length === 1) return { usps: a.s, counties: a.c, place: null, label: countyName(a.c[0]) + ', ' + a.s, query: 'county' };
    return { usps: a.s, counties: [], place: null, label: D.states[a.s].n, query: 'state' };
  }
  function placeRow(g) {
    var known = D.agreementPlaces[g];
    if (known) return { label: known[0] + ', ' + uspsOf(g), counties: known[1] };
    var rows = (placeIndex || {})[g.slice(0, 2)] || [], code = String(parseInt(g.slice(2), 10));
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].code === code) {
        return { label: rows[i].name + ', ' + uspsOf(g), counties: rows[i].counties.map(function (c) { return g.slice(0, 2) + pad(c, 3); }) };
      }
    }
    return null;
  }
  function groups(loc) {
    var st = D.states[loc.usps], isPoint = loc.query === 'point', out = { now: blank(), pending: blank() };
    (D.byState[loc.usps] || []).forEach(function (i) {
      var a = D.agreements[i], g = a.p ? out.pending : out.now;
      var inCounties = a.c.filter(function (c) { return loc.counties.indexOf(c) >= 0; });
      var item = { a: a, note: null };
      if (a.r === 'state') { if (a.g === st.f) g.statewide.push(item); return; }
      if (a.r === 'counties') {
        if (!inCounties.length || (loc.place && a.x.indexOf(loc.place) >= 0)) return;
        if (loc.place && loc.counties.length > 1) item.note = t('answer.part', countyName(inCounties[0]));
        (a.l === 'm' ? g.police : g.sheriff).push(item);
        return;
      }
      if (a.r === 'place') {
        if (a.g === loc.place) g.police.push(item);
        else if (!isPoint && inCounties.length) g.elsewhere.push(item);
        return;
      }
      if (a.r === 'town') { if (inCounties.length) g.towns.push(item); return; }
      if (a.r === 'facility') {
        if (a.g === st.f || a.g === loc.place || ((a.g.length !== 7 || !isPoint) && inCounties.length)) g.facilities.push(item);
      }
    });
    return out;
  }
  function blank() { return { police: [], sheriff: [], statewide: [], towns: [], elsewhere: [], facilities: [] }; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // The model's plain-words sentence is shown with the first agreement of that model in a group.
  function item(x, explained) {
    var a = x.a, li = el('li', 'agreement'), model = a.m || 'other';
    var head = el('div', 'agency');
    head.appendChild(el('span', 'badge m-' + model, t('model.' + model)));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(el('strong', 'name', a.n));
    li.appendChild(head);
    if (!explained[model]) { li.appendChild(el('p', 'plain', t('model.' + model + '.plain'))); explained[model] = true; }
    var meta = el('p', 'meta');
    var bits = [];
    if (a.d) bits.push(t('answer.signed', a.d));
    if (x.note) bits.push(x.note);
    meta.appendChild(document.createTextNode(bits.join(' · ') + (bits.length ? ' · ' : '')));
    var url = a.u.charAt(0) === '~' ? 'https://www.ice.gov/doclib/287gMOA/' + a.u.slice(1) : a.u;
    if (/^https:\/\/www\.ice\.gov\//.test(url)) {
      var link = el('a', null, t('answer.document'));
      link.href = url; link.rel = 'noopener noreferrer external';
      meta.appendChild(link);
    } else {
      meta.appendChild(document.createTextNode(t('answer.nodocument')));
    }
    li.appendChild(meta);
    return li;
  }
  function block(parent, group, title, list, yesNo, emptyText) {
    var sec = el('section', 'group');
    sec.setAttribute('data-group', group);
    var h = el('h3', null, title);
    if (yesNo) h.appendChild(el('span', list.length ? 'yes' : 'no', list.length ? t('answer.yes') : t('answer.no')));
    sec.appendChild(h);
    if (list.length) {
      var ul = el('ul', 'agreements'), explained = {};
      list.forEach(function (x) { ul.appendChild(item(x, explained)); });
      sec.appendChild(ul);
    } else if (emptyText) {
      sec.appendChild(el('p', 'empty', emptyText));
    }
    parent.appendChild(sec);
  }
  function show(loc, scroll) {
    current = loc;
    var box = document.getElementById('answer');
    if (!box) return;
    box.textContent = '';
    var st = D.states[loc.usps], g = groups(loc), now = g.now;
    var label = loc.query === 'point' ? t('answer.point', loc.label) : loc.label;
    box.appendChild(el('h2', null, t('answer.for', label)));
    (loc.notes || []).forEach(function (n) { box.appendChild(el('p', 'note', t.apply(null, n))); });
    var policeEmpty = loc.query === 'county' ? t('answer.police.county')
      : (loc.place ? t('answer.police.none') : t('answer.police.unincorporated'));
    if (loc.query !== 'state') {
      block(box, 'police', t('answer.police'), now.police, true, policeEmpty);
      block(box, 'sheriff', t('answer.sheriff'), now.sheriff, true, t('answer.sheriff.none'));
    }
    block(box, 'statewide', t('answer.statewide'), now.statewide, true, t('answer.statewide.none', st.n));
    if (now.towns.length) block(box, 'towns', t('answer.towns', countyNames(loc)), now.towns, false);
    if (now.elsewhere.length) block(box, 'elsewhere', t('answer.elsewhere'), now.elsewhere, false);
    if (now.facilities.length) block(box, 'facilities', t('answer.facilities'), now.facilities, false);
    var pend = [].concat(g.pending.police, g.pending.sheriff, g.pending.statewide, g.pending.towns, g.pending.elsewhere);
    block(box, 'pending', t('answer.pending'), pend, false, t('answer.pending.none'));
    var stance = D.policy[loc.usps];
    if (stance) box.appendChild(el('p', 'note', t('policy.here.' + stance, st.n)));
    box.appendChild(el('p', 'note', t('answer.statecount', st.n, num(D.stateCounts[loc.usps] || 0))));
    box.hidden = false;
    if (scroll) box.scrollIntoView({ block: 'start' });
  }
  function countyNames(loc) {
    return loc.counties.map(function (c) { return countyName(c); }).join(', ');
  }

  // ---- the search box ----------------------------------------------------------------
  function runSearch(q) {
    loadPlaces(function () { searchNow(q); });
  }
  function searchNow(q) {
    var list = document.getElementById('suggestions'), r = search(q);
    list.textContent = '';
    var msg = document.getElementById('search-message');
    msg.textContent = '';
    var options = r.exact.length ? r.exact.slice(1) : r.near;
    if (r.exact.length) show(locationOf(r.exact[0]), true);
    else if (!options.length) { msg.textContent = t('search.none', q); return; }
    if (!options.length) return;
    msg.textContent = r.exact.length ? t('search.also') : t('search.didyoumean');
    options.slice(0, 12).forEach(function (e) {
      var li = el('li'), b = el('button', 'suggestion', e.label);
      b.type = 'button';
      b.addEventListener('click', function () {
        document.getElementById('q').value = e.label;
        list.textContent = ''; msg.textContent = '';
        show(locationOf(e), true);
      });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  // ---- locating a point ----------------------------------------------------------------
  function ringsContain(rings, x, y) {
    var inside = false;
    rings.forEach(function (r) {
      var px = r[0], py = r[1], i, cx, cy, qx = px, qy = py;
      for (i = 2; i < r.length; i += 2) {
        cx = qx + r[i]; cy = qy + r[i + 1];
        if (((qy > y) !== (cy > y)) && (x < (cx - qx) * (y - qy) / (cy - qy) + qx)) inside = !inside;
        qx = cx; qy = cy;
      }
    });
    return inside;
  }
  // Distance in metres from (lon, lat) to the rings' edges (local flat approximation).
  function ringsDistance(rings, lon, lat) {
    var kx = 111320 * Math.cos(lat * Math.PI / 180) / 1e5, ky = 110540 / 1e5, best = Infinity;
    var X = lon * 1e5, Y = lat * 1e5;
    rings.forEach(function (r) {
      var ax = r[0], ay = r[1], i, bx, by;
      for (i = 2; i < r.length; i += 2) {
        bx = ax + r[i]; by = ay + r[i + 1];
        var ux = (bx - ax) * kx, uy = (by - ay) * ky, wx = (X - ax) * kx, wy = (Y - ay) * ky;
        var len = ux * ux + uy * uy, s = len ? Math.max(0, Math.min(1, (wx * ux + wy * uy) / len)) : 0;
        var dx = wx - s * ux, dy = wy - s * uy, d = Math.sqrt(dx * dx + dy * dy);
        if (d < best) best = d;
        ax = bx; ay = by;
      }
    });
    return best;
  }
  function loadState(fips, done) {
    if (geo[fips]) { done(); return; }
    if (waiting[fips]) { waiting[fips].push(done); return; }
    waiting[fips] = [done];
    var s = document.createElement('script');
    s.src = root + 'data/geo-' + fips + '.js';
    s.onerror = function () { geo[fips] = { counties: {}, places: {} }; G.polygons(fips, geo[fips]); };
    document.head.appendChild(s);
  }
  // The county (lowest GEOID among those containing the point, as geo287's border rule) and
  // the agreement city containing (lat, lon); calls back with a location or null.
  function locate(lat, lon, done) {
    var cands = Object.keys(D.states).filter(function (u) {
      var b = D.states[u].b;
      return lon >= b[0] - 0.01 && lon <= b[2] + 0.01 && lat >= b[1] - 0.01 && lat <= b[3] + 0.01;
    });
    var left = cands.length, found = null;
    if (!left) { done(null); return; }
    cands.forEach(function (usps) {
      var fips = D.states[usps].f;
      loadState(fips, function () {
        var body = geo[fips], x = Math.round(lon * 1e5), y = Math.round(lat * 1e5);
        Object.keys(body.counties).sort().forEach(function (g) {
          if ((!found || g < found.county) && ringsContain(body.counties[g], x, y)) found = { usps: usps, county: g, fips: fips };
        });
        if (--left === 0) finish();
      });
    });
    function finish() {
      if (!found) { done(null); return; }
      var body = geo[found.fips], x = Math.round(lon * 1e5), y = Math.round(lat * 1e5), place = null;
      Object.keys(body.places).sort().forEach(function (g) { if (!place && ringsContain(body.places[g], x, y)) place = g; });
      var notes = [], d = ringsDistance(body.counties[found.county], lon, lat);
      if (d < 200) notes.push(['answer.border', '200']);
      if (place && ringsDistance(body.places[place], lon, lat) < 200) notes.push(['answer.cityborder', '200']);
      var label = lat.toFixed(5) + ', ' + lon.toFixed(5);
      var city = place && D.agreementPlaces[place] ? D.agreementPlaces[place][0] + ', ' : '';
      done({ usps: found.usps, counties: [found.county], place: place, label: label, query: 'point', notes: notes,
        where: city + D.counties[found.county][0] + ', ' + found.usps });
    }
  }
  function showPoint(lat, lon) {
    var msg = document.getElementById('locate-message');
    locate(lat, lon, function (loc) {
      if (!loc) { msg.textContent = t('locate.outside'); return; }
      msg.textContent = '';
      loc.label = loc.label + ' · ' + loc.where;
      show(loc, true);
    });
  }
  function useLocation() {
    var msg = document.getElementById('locate-message');
    if (!navigator.geolocation) { msg.textContent = t('locate.unsupported'); return; }
    msg.textContent = t('locate.busy');
    navigator.geolocation.getCurrentPosition(function (p) { showPoint(p.coords.latitude, p.coords.longitude); },
      function () { msg.textContent = t('locate.denied'); }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 });
  }

  // ---- the map ---------------------------------------------------------------------------
  function mapTip(target) {
    var g = target.getAttribute('data-g'), p = target.getAttribute('data-p');
    if (g && D.counties[g]) {
      var c = D.counties[g], name = c[0] + ', ' + uspsOf(g);
      if (!c[1]) return t('map.nopeople', name);
      var s = t('map.county', name, pct(c[3], c[1]), num(c[1]));
      if (c[2] >= c[1] && c[3] < c[1]) s += ' ' + t('map.county.statewide');
      return s;
    }
    if (p) { var row = placeRow(p); return row ? row.label : p; }
    return null;
  }
  function mapPick(target) {
    var g = target.getAttribute('data-g'), p = target.getAttribute('data-p');
    if (p) { var row = placeRow(p); if (row) show({ usps: uspsOf(p), counties: row.counties, place: p, label: row.label, query: 'place' }, true); }
    else if (g && D.counties[g]) show({ usps: uspsOf(g), counties: [g], place: null, label: D.counties[g][0] + ', ' + uspsOf(g), query: 'county' }, true);
  }
  function wireMap() {
    var map = document.querySelector('svg.map'), tip = document.getElementById('tip');
    if (!map || !tip) return;
    function target(ev) { var x = ev.target; return x && x.getAttribute && (x.getAttribute('data-g') || x.getAttribute('data-p')) ? x : null; }
    map.addEventListener('mousemove', function (ev) {
      var x = target(ev), s = x && mapTip(x);
      if (!s) { tip.hidden = true; return; }
      tip.textContent = s; tip.hidden = false;
      var r = map.getBoundingClientRect();
      tip.style.left = Math.min(ev.clientX - r.left + 12, r.width - 220) + 'px';
      tip.style.top = (ev.clientY - r.top + 12) + 'px';
    });
    map.addEventListener('mouseleave', function () { tip.hidden = true; });
    map.addEventListener('click', function (ev) {
      var x = target(ev);
      if (!x) return;
      var s = mapTip(x);
      if (s) { tip.textContent = s; tip.hidden = false; }
      if (!document.documentElement.hasAttribute('data-embed')) mapPick(x);
    });
    map.addEventListener('keydown', function (ev) {
      var x = target(ev);
      if (x && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); mapPick(x); }
    });
    map.addEventListener('focusin', function (ev) {
      var x = target(ev), s = x && mapTip(x);
      if (s) { tip.textContent = s; tip.hidden = false; tip.style.left = '8px'; tip.style.top = '8px'; }
    });
  }

  // ---- page values ---------------------------------------------------------------------
  function fillDynamic() {
    var age = document.getElementById('sheet-age');
    if (age && D.sheet.date) {
      var days = Math.max(0, Math.floor((Date.now() - Date.parse(D.sheet.date + 'T00:00:00Z')) / 86400000));
      age.textContent = t('sheet.date', D.sheet.date, num(days));
    }
    var head = document.getElementById('headline');
    if (head) {
      var scope = head.getAttribute('data-scope'), s = scope ? D.states[scope] : D.national;
      head.textContent = t('headline', num(s.v), num(s.p), pct(s.v, s.p), num(s.w));
    }
    document.querySelectorAll('[data-people]').forEach(function (e) {
      var s = D.states[e.getAttribute('data-people')];
      e.textContent = pct(s.v, s.p);
    });
  }
  function start() {
    if (!D) return;
    D.fipsToUSPS = {};
    Object.keys(D.states).forEach(function (u) { D.fipsToUSPS[D.states[u].f] = u; });
    var saved = null;
    try { saved = localStorage.getItem('geo287-lang'); } catch (e) { saved = null; }
    var asked = (location.search.match(/[?&]lang=(en|es)/) || [])[1];
    lang = asked || saved || ((navigator.language || '').slice(0, 2) === 'es' ? 'es' : 'en');
    var sw = document.getElementById('lang-switch');
    if (sw) sw.addEventListener('click', function () { setLang(lang === 'en' ? 'es' : 'en'); });
    var form = document.getElementById('search');
    if (form) form.addEventListener('submit', function (ev) { ev.preventDefault(); runSearch(document.getElementById('q').value); });
    var box = document.getElementById('q');
    if (box) box.addEventListener('focus', function () { loadPlaces(function () {}); });
    var here = document.getElementById('locate');
    if (here) here.addEventListener('click', useLocation);
    wireMap();
    applyText();
    var h = decodeURIComponent(location.hash.slice(1));
    var at = h.match(/^at=(-?[0-9.]+),(-?[0-9.]+)$/), q = h.match(/^q=(.+)$/);
    if (at) showPoint(parseFloat(at[1]), parseFloat(at[2]));
    else if (q) { document.getElementById('q').value = q[1]; runSearch(q[1]); }
    document.documentElement.setAttribute('data-ready', '1');
  }
  // For tests and links: ask(q) runs the search box; at(lat, lon) locates a point.
  G.debug = { ask: runSearch, at: showPoint };
  // Deferred scripts run before DOMContentLoaded: by then the words and the data are in.
  if (document.readyState === 'complete') start(); else document.addEventListener('DOMContentLoaded', start);
})();
