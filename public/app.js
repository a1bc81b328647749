// Progressive enhancement only: every page works without this file. A behaviour starts where a
// data-module attribute asks for it and does nothing in a browser that lacks what it needs.
const behaviours = {
  // Moves focus to the error summary when a form comes back with errors, so screen readers read it first.
  'error-summary': (element) => {
    if (typeof element.focus === 'function') element.focus();
  },
};

for (const element of document.querySelectorAll('[data-module]')) {
  const behaviour = behaviours[element.getAttribute('data-module')];
  if (behaviour) behaviour(element);
}
