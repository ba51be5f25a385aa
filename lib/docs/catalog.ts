import { z } from "zod";
import data from "./docs-index.json";

export const DOCS_SITE = "https://flowfuse.com";

const articleSchema = z.object({
  title: z.string().min(1),
  path: z.string().startsWith("/"),
  description: z.string().nullish().transform((value) => value ?? ""),
  tags: z.array(z.string()).nullish().transform((value) => value ?? []),
  sections: z.array(z.string()).nullish().transform((value) => value ?? []),
});

export type DocArticle = z.infer<typeof articleSchema> & { url: string };

/**
 * The FlowFuse (formerly FlowForge) documentation articles, shipped as data. Validated once, so
 * a bad refresh of the file fails loudly instead of suggesting broken links.
 */
export const articles: DocArticle[] = z
  .object({ articles: z.array(articleSchema) })
  .parse(data)
  .articles.map((article) => ({ ...article, url: `${DOCS_SITE}${article.path}` }));
