// Checks the front matter of practices/*.md against the project's JSON Schema, in VS Code (extension
// unifiedjs.vscode-remark) and on the command line (npm run check-frontmatter). Markdown style is not linted.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, {schemas: {'./schema/entry.schema.json': ['practices/*.md']}}],
  ],
};
