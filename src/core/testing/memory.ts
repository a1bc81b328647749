/**
 * How much memory an operation keeps alive, sampled while it runs: the live heap after a full collection, above what
 * was live before. Resident memory (RSS) says more about the garbage collector's mood than about the code — Node 24
 * lets the heap grow several times further than Node 20 before collecting — so a bound on it fails on one version and
 * hides a leak on the other.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function liveHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Runs `operation`, sampling every `everyMs`; gives its result and the most memory it kept alive at once. */
export async function peakLiveMemory<T>(operation: () => Promise<T>, everyMs = 100): Promise<{ result: T; peakBytes: number }> {
  const before = liveHeap();
  let peakBytes = 0;
  const sampler = setInterval(() => (peakBytes = Math.max(peakBytes, liveHeap() - before)), everyMs);
  try {
    const result = await operation();
    return { result, peakBytes };
  } finally {
    clearInterval(sampler);
  }
}
