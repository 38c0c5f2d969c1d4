// Utskick's interface: the only script. Two live parts, each switched on by the markup it needs:
// - #progress[data-status]: polls the sending status every second and updates counts, bar, rate
//   and time left, until the run is FINISHED or CANCELLED;
// - .item-form + #live-preview: re-renders the preview while an item is typed (the hidden form is
//   posted into the sandboxed preview frame; the text part is fetched and shown as text);
// - form.item-form[data-keep]: an item being edited keeps its unsaved text (sessionStorage, per
//   letter and item, restored when the page comes back) and the page warns before it is left with
//   unsaved text (beforeunload); saving that form clears it;
// - form[data-confirm]: asks before a destructive form is sent (delete a draft).
(function () {
  'use strict';

  function progress(box) {
    var url = box.getAttribute('data-status');
    var labels = {};
    var stateEl = document.getElementById('run-state');
    (stateEl.getAttribute('data-labels') || '').split(';').forEach(function (p) {
      var kv = p.split('='); labels[kv[0]] = kv[1];
    });
    var last = null, rate = 0;
    function clock(s) {
      s = Math.round(s);
      var m = Math.floor(s / 60), r = s % 60;
      return m + ':' + (r < 10 ? '0' : '') + r;
    }
    function tick() {
      fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (j) {
        var now = Date.now();
        if (last && now > last.t) {
          var inst = (j.done - last.done) / ((now - last.t) / 1000);
          rate = rate === 0 ? inst : 0.7 * rate + 0.3 * inst;
        } else if (j.seconds > 0) {
          rate = j.done / j.seconds;
        }
        last = { t: now, done: j.done };
        document.getElementById('done').textContent = j.done.toLocaleString('sv-SE');
        var bar = document.getElementById('bar');
        bar.max = j.recipients; bar.value = j.done;
        ['QUEUED', 'SENT', 'DEFERRED', 'FAILED', 'BOUNCED', 'CANCELLED'].forEach(function (s) {
          var el = document.getElementById('count-' + s);
          if (el) { el.textContent = j[s].toLocaleString('sv-SE'); }
        });
        stateEl.textContent = labels[j.state] || j.state;
        document.getElementById('rate').textContent = rate > 0 ? rate.toFixed(0) : '–';
        var waiting = j.recipients - j.done;
        document.getElementById('left').textContent = waiting === 0 ? '0:00' : (rate > 0.5 ? clock(waiting / rate) : '–');
        box.setAttribute('data-state', j.state);
        if (j.state === 'RUNNING' || j.state === 'PAUSED') {
          setTimeout(tick, 1000);
        } else if (box.getAttribute('data-initial') === 'RUNNING' || box.getAttribute('data-initial') === 'PAUSED') {
          // the run ended while the page was open: reload once, so state, buttons and chart are final
          location.reload();
        }
      }).catch(function () { setTimeout(tick, 3000); });
    }
    tick();
  }

  function livePreview(live) {
    var timer = null;
    var text = document.getElementById('preview-text');
    function render(form) {
      live.elements.position.value = form.getAttribute('data-position');
      live.elements.heading.value = form.elements.heading.value || '…';
      live.elements.body.value = form.elements.body.value || '…';
      live.submit();
      var data = new URLSearchParams(new FormData(live));
      fetch(live.action.replace('del=html', 'del=text'), {
        method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'X-CSRF-Token': live.elements.csrf.value }
      }).then(function (r) { return r.text(); }).then(function (t) { if (text) { text.textContent = t; } });
    }
    document.querySelectorAll('form.item-form').forEach(function (form) {
      form.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { render(form); }, 500);
      });
    });
  }

  function keepUnsaved(forms) {
    var dirty = {};
    forms.forEach(function (form) {
      var key = 'utskick:' + form.getAttribute('data-keep');
      var saved = null;
      try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
      var restoredAt = form.getAttribute('data-refused') === 'true';
      if (saved && !restoredAt && (saved.heading !== form.elements.heading.value || saved.body !== form.elements.body.value)) {
        form.elements.heading.value = saved.heading;
        form.elements.body.value = saved.body;
        dirty[key] = true;
        var d = form.closest('details');
        if (d) { d.open = true; }
        form.classList.add('unsaved');
      }
      form.addEventListener('input', function () {
        var h = form.elements.heading, b = form.elements.body;
        if (h.value === h.defaultValue && b.value === b.defaultValue) {
          // back to what is saved: nothing to keep, nothing to warn about
          delete dirty[key];
          form.classList.remove('unsaved');
          try { sessionStorage.removeItem(key); } catch (e) { }
          return;
        }
        dirty[key] = true;
        form.classList.add('unsaved');
        try { sessionStorage.setItem(key, JSON.stringify({ heading: h.value, body: b.value })); } catch (e) { }
      });
      form.addEventListener('submit', function () {
        delete dirty[key];
        try { sessionStorage.removeItem(key); } catch (e) { }
      });
    });
    window.addEventListener('beforeunload', function (ev) {
      if (Object.keys(dirty).length > 0) {
        ev.preventDefault();
        ev.returnValue = document.body.getAttribute('data-unsaved') || '';
        return ev.returnValue;
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-confirm]').forEach(function (f) {
      f.addEventListener('submit', function (ev) {
        if (!window.confirm(f.getAttribute('data-confirm'))) { ev.preventDefault(); }
      });
    });
    var keep = document.querySelectorAll('form.item-form[data-keep]');
    if (keep.length > 0) { keepUnsaved(keep); }
    var box = document.getElementById('progress');
    if (box && box.getAttribute('data-status')) { progress(box); }
    var live = document.getElementById('live-preview');
    if (live) { livePreview(live); }
  });
})();
