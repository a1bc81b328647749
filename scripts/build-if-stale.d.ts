// The types of build-if-stale.js, which is plain JavaScript because it runs before anything is compiled.
export declare const buildInputs: readonly string[];
export declare const buildStamp: string;
export declare function latestChange(target: string): number;
export declare function staleness(root: string): string | undefined;
