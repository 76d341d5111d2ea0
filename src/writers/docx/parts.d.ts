/** The XML parts under `parts/`, imported as text (esbuild's and Vite's `?raw`). */
declare module '*.xml?raw' {
  const text: string;
  export default text;
}
