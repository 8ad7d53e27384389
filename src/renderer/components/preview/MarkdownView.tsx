// Markdown from a deliverable file, rendered without its HTML: raw HTML in the source (a <script>,
// an <img onerror>) shows as the text it is, never as elements (no rehype-raw). Images are not
// fetched (a link to one is shown instead); links open in a new tab without an opener.
import { Anchor, Code, Typography } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** A remark plugin: every raw HTML node becomes a text node with the same characters. */
export function htmlAsText() {
  return (tree: MdNode) => {
    const walk = (node: MdNode) => {
      if (node.type === 'html') node.type = 'text';
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

const components: Components = {
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  ),
  img: ({ src, alt }) => (
    <Code>{`[image${alt ? `: ${alt}` : ''}${typeof src === 'string' ? ` ${src}` : ''}]`}</Code>
  ),
};

export function MarkdownView({ source }: { source: string }) {
  return (
    <Typography data-testid="markdown-preview">
      <ReactMarkdown remarkPlugins={[htmlAsText]} components={components}>
        {source}
      </ReactMarkdown>
    </Typography>
  );
}
