import { it } from 'vitest';
import { findDevice } from './catalog/devices.js';
import { m4HashCosts } from './estimate/hash-costs.js';
import { fitAll } from './fit/fit.js';
it('scratch', () => {
  const h = m4HashCosts();
  for (const k of ['sha256','sha512','shake256'] as const) console.log(k, h[k].cyclesPerBlock, h[k].cyclesPerBlock.point / h[k].blockBytes, h[k].derivation);
  for (const id of ['nrf52832','nrf52840','rp2040','stm32h743']) {
    const d = findDevice(id)!;
    const fits = fitAll(d.profile);
    console.log('==', id);
    for (const u of fits) {
      console.log(' ', u.id, '→', u.recommendation.candidate, u.recommendation.verdict);
      for (const c of u.candidates) if (['ml-dsa-44','ml-dsa-65','ml-dsa-87','lms','xmss','slh-dsa-sha2-128s','ecdsa-p256','ml-kem-512','x25519mlkem768','ml-kem-512+ml-dsa-44','x25519mlkem768+ml-dsa-44'].includes(c.id))
        console.log('   ', c.id.padEnd(28), c.impl, c.timeMs.value ? `${c.timeMs.value.point.toFixed(1)} (${c.timeMs.value.low.toFixed(1)}-${c.timeMs.value.high.toFixed(1)})` : '-', c.verdict, c.ramBytes.value?.point, c.wireBytes.value?.point, c.signTail?.exceedProbability, c.why.join(' | '));
    }
  }
});
