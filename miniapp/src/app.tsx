import type { PropsWithChildren } from 'react';
import './app.css';
import './platform-styles';

/** The app root; `children` is the page being shown. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
