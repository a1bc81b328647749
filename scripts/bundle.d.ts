// The types of bundle.js, which is plain JavaScript because it runs before anything else is compiled.
export declare function bundle(root: string, outdir?: string): Promise<void>;
