// Progressive enhancement for the server-rendered pages; every page works without it.
// data-live="#id[,#id]" on a GET form: results refresh while typing or toggling filters.
// data-enhance="#id[,#id]" on a POST form: submitted in the background; the listed parts of the answer page are swapped in.
// data-auto-submit on a form: submits when a control changes (when it has no data-live).
// data-poll="ms" on an element with an id: refreshed from this page's URL every ms while the fresh copy still has data-poll
// (a job's progress); without JavaScript the page's own refresh link does the same.
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !document.querySelector) return;

  function swap(html, selectors, quiet) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var focused = document.activeElement && document.activeElement.id;
    selectors.split(',').forEach(function (selector) {
      var fresh = doc.querySelector(selector.trim());
      var current = document.querySelector(selector.trim());
      if (fresh && current) { current.replaceWith(fresh); bind(fresh); }
    });
    // A swapped control (a filter checkbox) keeps the keyboard focus: the fresh copy has the same id.
    var again = focused && document.getElementById(focused);
    if (again && again !== document.activeElement) again.focus();
    // Screen readers hear what changed: the answer page's notice, else its title.
    if (quiet) return;
    var status = document.getElementById('status');
    var notice = doc.querySelector('main .notice');
    if (status) status.textContent = notice ? notice.textContent : doc.title;
  }

  function liveForm(form) {
    var timer = 0;
    var controller = null;
    function refresh() {
      var url = (form.getAttribute('action') || location.pathname) + '?' + new URLSearchParams(new FormData(form)).toString();
      if (controller) controller.abort();
      controller = new AbortController();
      fetch(url, { signal: controller.signal, headers: { 'x-requested-with': 'fetch' } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) { swap(html, form.getAttribute('data-live')); history.replaceState(null, '', url); })
        .catch(function () { /* the submit button still works */ });
    }
    form.addEventListener('input', function (event) {
      if (event.target.type === 'search' || event.target.type === 'text') { clearTimeout(timer); timer = setTimeout(refresh, 300); }
    });
    form.addEventListener('change', function (event) {
      if (event.target.type !== 'search' && event.target.type !== 'text') refresh();
    });
  }

  function enhancedForm(form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = event.submitter || form.querySelector('button[type=submit],button:not([type])');
      var body = new URLSearchParams(new FormData(form));
      // The button pressed is part of the answer (forms with several actions), as in a plain submit.
      if (button && button.name) body.append(button.name, button.value);
      if (button) button.disabled = true;
      fetch(form.action, { method: 'POST', body: body, headers: { 'x-requested-with': 'fetch' } })
        .then(function (response) { return response.text().then(function (html) { return { response: response, html: html }; }); })
        .then(function (answer) {
          if (!answer.response.ok) { form.submit(); return; }
          swap(answer.html, form.getAttribute('data-enhance'));
        })
        .catch(function () { form.submit(); });
    });
  }

  function polled(element) {
    var delay = Math.max(1000, parseInt(element.getAttribute('data-poll'), 10) || 2000);
    setTimeout(function () {
      if (!element.isConnected) return;
      fetch(location.href, { headers: { 'x-requested-with': 'fetch' } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          swap(html, '#' + element.id, true);
          // Quiet while it runs; when the job is over, screen readers hear how it ended.
          var fresh = document.getElementById(element.id);
          var status = document.getElementById('status');
          if (fresh && status && !fresh.hasAttribute('data-poll')) status.textContent = (fresh.querySelector('.notice, h2') || fresh).textContent.trim();
        })
        .catch(function () { setTimeout(function () { polled(element); }, delay); });
    }, delay);
  }

  function bind(root) {
    if (root.matches && root.matches('[data-poll][id]')) polled(root);
    root.querySelectorAll('[data-poll][id]').forEach(polled);
    root.querySelectorAll('form[data-live]').forEach(liveForm);
    root.querySelectorAll('form[data-enhance]').forEach(enhancedForm);
    root.querySelectorAll('form[data-auto-submit]:not([data-live])').forEach(function (form) {
      form.addEventListener('change', function () { form.submit(); });
    });
  }

  bind(document);
})();
