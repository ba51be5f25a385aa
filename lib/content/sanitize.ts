import sanitizeHtml from "sanitize-html";

/**
 * Customer messages arrive as HTML we do not control. Keep the formatting a reader needs;
 * drop scripts, styles, event handlers, forms and frames; links only to http(s)/mailto and
 * opened without handing the customer's page a reference to ours. Remote images are not
 * loaded (a tracking pixel would tell the sender who read the ticket, and when): they become
 * a link the reader can choose to open.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "hr", "i", "li", "ol", "p", "pre",
    "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
  ],
  allowedAttributes: { a: ["href", "title", "rel", "target"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "iframe", "object", "embed", "svg", "math", "template"],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow ugc", target: "_blank" },
    }),
    img: (_tagName, attribs): sanitizeHtml.Tag => {
      const src = attribs.src ?? "";
      if (!/^https?:\/\//i.test(src)) return { tagName: "span", attribs: {}, text: "[image]" };
      return {
        tagName: "a",
        attribs: { href: src, rel: "noopener noreferrer nofollow ugc", target: "_blank" },
        text: `[image: ${attribs.alt || "open"}]`,
      };
    },
  },
};

export function sanitizeCustomerHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
