// Placeholder renderer entry; the board lands with its own issue.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<h1>Mission Control</h1>);
