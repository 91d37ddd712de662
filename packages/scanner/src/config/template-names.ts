/**
 * Configuration templates: a `main.cf.j2`, `stunnel.conf.erb` or `Caddyfile.tmpl` is rendered by a deployment tool
 * before any server reads it. Its `{{ var }}` placeholders stand where values will be, so reading it as the
 * configuration would report placeholders as settings (or parse warnings). The config detectors that claim files
 * by content leave such files out.
 */

/** Extensions of template engines (Jinja, ERB, Go text/template, Mustache, Handlebars, consul-template). */
const TEMPLATE_NAME = /\.(j2|jinja2?|erb|tmpl|tpl|gotmpl|ctmpl|mustache|hbs|liquid|epp|njk)$/i;

export function looksLikeTemplate(path: string): boolean {
  return TEMPLATE_NAME.test(path.slice(path.lastIndexOf('/') + 1));
}
