import type { Loader } from 'astro/loaders';

/** `import()` that Vite leaves alone: code built by the Function constructor is never transformed. */
const importNatively = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

/**
 * A loader whose implementation Node imports itself, when the content layer first calls it. The collection
 * definitions only need the loaders' names and their collections' schemas; the loaders' own code (~60
 * modules: the evaluation scan, ingest parsers, the status digest, the client generators) is plain
 * TypeScript that Node runs directly, as the CLI scripts do. Through Vite's module runner, which transforms
 * and evaluates one import at a time, it cost every build's sync ~0.2 s; and Starlight's `<StarlightPage>`
 * pulls the content config into the page bundle, where loader code never runs. In `astro dev`, a change to a
 * loader's code takes a restart.
 */
export function deferredLoader<Module>(name: string, module: URL, make: (module: Module) => Loader): Loader {
  let loader: Promise<Loader> | undefined;
  return {
    name,
    load: async (ctx) => {
      loader ??= importNatively(module.href).then(
        (imported) => make(imported as Module),
        (error: Error) => {
          loader = undefined;
          throw new Error(`loader ${name}: importing ${module.pathname} failed: ${error.message}`, { cause: error });
        },
      );
      return (await loader).load(ctx);
    },
  };
}
