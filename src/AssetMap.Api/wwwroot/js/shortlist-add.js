// Enhances "Add … to shortlist": posts in the background and says so, instead of reloading the page.
// Without JavaScript (or if the request fails) the form posts and redirects back as usual.
(function () {
  'use strict';
  var status = document.getElementById('shortlist-status');
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('am-shortlist-add') || !window.fetch) { return; }
    event.preventDefault();
    var button = form.querySelector('button');
    var name = button ? button.querySelector('.govuk-visually-hidden') : null;
    fetch(form.action, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (answer) {
        if (button) {
          button.disabled = true;
          button.setAttribute('aria-disabled', 'true');
          button.textContent = 'Added ';
          if (name) { button.appendChild(name); }
          button.appendChild(document.createTextNode('to shortlist'));
        }
        if (status) {
          status.textContent = (name ? name.textContent.trim() : 'Entry') + ' added to your shortlist (' + answer.count + ').';
        }
      })
      .catch(function () { form.submit(); });
  });
}());
