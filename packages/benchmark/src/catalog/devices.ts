/**
 * Built-in device catalog: common parts selectable with `--device <id>`. Hardware fields cite Zephyr devicetrees,
 * vendor HAL headers, SDKs and datasheets; budgets are illustrative defaults per role, not vendor figures, and every
 * output that prints them says so.
 */
import type { Source } from '@pqready/core';
import type { Budgets, CatalogDevice, DeviceProfile } from './types.js';

const ZEPHYR = 'https://github.com/zephyrproject-rtos/zephyr/blob/main/';
const HAL_STM32 = 'https://github.com/zephyrproject-rtos/hal_stm32/blob/fe7d2e2b/stm32cube/';
/** Zephyr devicetree or board doc path → URL. */
const z = (path: string) => `${ZEPHYR}${path}`;
const st = (path: string) => `${HAL_STM32}${path}`;
const p = (title: string, url: string): Source => ({ title, url, confidence: 'primary' });
const s = (title: string, url?: string): Source => ({ title, ...(url ? { url } : {}), confidence: 'secondary' });
const u = (title: string, url?: string): Source => ({ title, ...(url ? { url } : {}), confidence: 'unverified' });

const BUDGET_SOURCE: Source = {
  title:
    'illustrative budgets: pqready defaults for this role, not a vendor figure; supply your product budgets with --profile',
  confidence: 'unverified',
};

/** Illustrative budgets: a constrained medical/wearable node, a mains-powered controller, and a gateway. */
const CONSTRAINED: Budgets = {
  bootVerifyMs: 500,
  updateVerifyMs: 2000,
  tlsHandshakeMs: 1000,
  keyExchangeMs: 200,
  identitySignMs: 500,
  ramKiB: 32,
  codeKiB: 96,
  wireBytesPerHandshake: 16384,
};
const CONTROLLER: Budgets = {
  bootVerifyMs: 200,
  updateVerifyMs: 1000,
  tlsHandshakeMs: 300,
  keyExchangeMs: 50,
  identitySignMs: 100,
  ramKiB: 64,
  codeKiB: 256,
  wireBytesPerHandshake: 32768,
};
const GATEWAY: Budgets = {
  bootVerifyMs: 1000,
  updateVerifyMs: 5000,
  tlsHandshakeMs: 50,
  keyExchangeMs: 10,
  identitySignMs: 20,
  ramKiB: 1024,
  codeKiB: 4096,
  wireBytesPerHandshake: 65536,
};

interface Entry {
  id: string;
  part: string;
  profile: DeviceProfile;
  sources: Record<string, Source>;
}

const withBudgetSources = (e: Entry): CatalogDevice => {
  const sources: Record<string, Source> = { ...e.sources };
  for (const k of ['budgets', 'firmwareImageKiB', 'role', 'link', 'shipYear', 'fieldLifeYears'] as const) {
    if (e.profile[k] !== undefined && !sources[k]) sources[k] = BUDGET_SOURCE;
  }
  return Object.freeze({
    ...e,
    profile: Object.freeze(e.profile),
    sources: Object.freeze(sources),
    illustrativeBudgets: true as const,
  });
};

const ENTRIES: Entry[] = [
  {
    id: 'rp2040',
    part: 'Raspberry Pi RP2040',
    profile: {
      name: 'RP2040 (Cortex-M0+ @ 133 MHz, XIP flash)',
      role: 'wearable',
      core: 'cortex-m0plus',
      clockMHz: 133,
      ramKiB: 264,
      flashKiB: 2048,
      accelerators: {},
      firmwareImageKiB: 256,
      budgets: CONSTRAINED,
    },
    sources: {
      core: p('Zephyr rp2040.dtsi: 2× arm,cortex-m0+ (Z-rp2040)', z('dts/arm/raspberrypi/rpi_pico/rp2040.dtsi')),
      clockMHz: p('RPi staff: maximum 133 MHz (RPi-133)', 'https://github.com/raspberrypi/pico-feedback/issues/104'),
      ramKiB: p('Zephyr rp2040.dtsi sram0 264 K', z('dts/arm/raspberrypi/rpi_pico/rp2040.dtsi')),
      flashKiB: u(
        'no internal flash; external QSPI XIP up to 16 MB, 2 MB board flash assumed',
        'https://datasheets.raspberrypi.com/rp2040/rp2040-datasheet.pdf',
      ),
      accelerators: p(
        'RP2040: no crypto accelerator',
        'https://datasheets.raspberrypi.com/rp2040/rp2040-datasheet.pdf',
      ),
      flashWaitStates: s(
        'XIP cache, miss ≈ 400 ns: wait states not applicable, default derating used',
        'https://datasheets.raspberrypi.com/rp2040/rp2040-datasheet.pdf',
      ),
    },
  },
  {
    id: 'rp2350',
    part: 'Raspberry Pi RP2350 / RP2354',
    profile: {
      name: 'RP2350 (Cortex-M33 @ 150 MHz, SHA-256 engine)',
      role: 'wearable',
      core: 'cortex-m33',
      clockMHz: 150,
      ramKiB: 520,
      flashKiB: 2048,
      accelerators: { sha256: true },
      firmwareImageKiB: 256,
      budgets: CONSTRAINED,
    },
    sources: {
      core: p('Zephyr rp2350.dtsi / m33.dtsi (Z-rp2350)', z('dts/arm/raspberrypi/rpi_pico/rp2350.dtsi')),
      clockMHz: p('Zephyr rp2350.dtsi clk_sys 150 MHz', z('dts/arm/raspberrypi/rpi_pico/rp2350.dtsi')),
      ramKiB: p('Zephyr rp2350.dtsi sram 520 K', z('dts/arm/raspberrypi/rpi_pico/rp2350.dtsi')),
      flashKiB: s('RP2354: 2 MB stacked in-package QSPI flash (wiki-RP2350)', 'https://en.wikipedia.org/wiki/RP2350'),
      accelerators: p(
        'pico-sdk hardware_sha256 (SDK-sha256); no AES engine [U]',
        'https://github.com/raspberrypi/pico-sdk/blob/fc05f7c1/src/rp2_common/hardware_sha256/include/hardware/sha256.h',
      ),
    },
  },
  {
    id: 'stm32f207',
    part: 'ST STM32F207xG',
    profile: {
      name: 'STM32F207 (Cortex-M3 @ 120 MHz)',
      role: 'bedside-monitor',
      core: 'cortex-m3',
      clockMHz: 120,
      flashWaitStates: 3,
      ramKiB: 128,
      flashKiB: 1024,
      accelerators: {},
      firmwareImageKiB: 512,
      budgets: CONTROLLER,
    },
    sources: {
      core: p('Zephyr stm32f207Xg.dtsi (Z-f207)', z('dts/arm/st/f2/stm32f207Xg.dtsi')),
      clockMHz: p('Zephyr stm32f207Xg.dtsi / CMSIS stm32f207xx.h', st('stm32f2xx/soc/stm32f207xx.h')),
      ramKiB: p('Zephyr stm32f207Xg.dtsi: 128 K', z('dts/arm/st/f2/stm32f207Xg.dtsi')),
      flashKiB: p('Zephyr stm32f207Xg.dtsi: 1024 K', z('dts/arm/st/f2/stm32f207Xg.dtsi')),
      flashWaitStates: p(
        'ST LL utils f2: 3 WS at 120 MHz, 2.7–3.6 V (LL-f2)',
        st('stm32f2xx/drivers/src/stm32f2xx_ll_utils.c'),
      ),
      accelerators: p('CMSIS stm32f207xx.h: RNG only (CMSIS-f207)', st('stm32f2xx/soc/stm32f207xx.h')),
    },
  },
  {
    id: 'nrf52832',
    part: 'Nordic nRF52832 (QFAA)',
    profile: {
      name: 'nRF52832 (Cortex-M4F @ 64 MHz, no CryptoCell)',
      role: 'wearable',
      core: 'cortex-m4',
      clockMHz: 64,
      ramKiB: 64,
      flashKiB: 512,
      accelerators: {},
      firmwareImageKiB: 192,
      budgets: { ...CONSTRAINED, ramKiB: 16, codeKiB: 64 },
    },
    sources: {
      core: p('Zephyr nrf52832_qfaa.dtsi', z('dts/arm/nordic/nrf52832_qfaa.dtsi')),
      clockMHz: p('Zephyr nrf52832_qfaa.dtsi', z('dts/arm/nordic/nrf52832_qfaa.dtsi')),
      ramKiB: p('Zephyr nrf52832_qfaa.dtsi: 64 KB', z('dts/arm/nordic/nrf52832_qfaa.dtsi')),
      flashKiB: p('Zephyr nrf52832_qfaa.dtsi: 512 KB', z('dts/arm/nordic/nrf52832_qfaa.dtsi')),
      accelerators: s(
        'CryptoCell only on nRF52840 (Adafruit nRFCrypto README; nRF5 SDK docs)',
        'https://github.com/adafruit/Adafruit_nRFCrypto',
      ),
      flashWaitStates: u('nRF52 flash wait states not found in the sources read'),
    },
  },
  {
    id: 'nrf52840',
    part: 'Nordic nRF52840',
    profile: {
      name: 'nRF52840 (Cortex-M4F @ 64 MHz, CryptoCell-310)',
      role: 'implant',
      core: 'cortex-m4',
      clockMHz: 64,
      ramKiB: 256,
      flashKiB: 1024,
      accelerators: { sha256: true, aes: true, pka: true, keccak: false },
      link: { mtuBytes: 247, bandwidthKbps: 1000 },
      firmwareImageKiB: 256,
      budgets: CONSTRAINED,
    },
    sources: {
      core: p('Zephyr nrf52840_qiaa.dtsi (Z-nrf52840)', z('dts/arm/nordic/nrf52840_qiaa.dtsi')),
      clockMHz: p('Zephyr nrf52840_qiaa.dtsi', z('dts/arm/nordic/nrf52840_qiaa.dtsi')),
      ramKiB: p('Zephyr nrf52840_qiaa.dtsi: 256 K', z('dts/arm/nordic/nrf52840_qiaa.dtsi')),
      flashKiB: p('Zephyr nrf52840_qiaa.dtsi: 1024 K', z('dts/arm/nordic/nrf52840_qiaa.dtsi')),
      accelerators: p(
        'Nordic CryptoCell-310: SHA-2 ≤ 256, AES, ECC/RSA PKA, no SHA-3 (Nordic-CC310)',
        'https://docs.nordicsemi.com/bundle/ps_nrf52840/page/cryptocell.html',
      ),
      flashWaitStates: u('nRF52840 flash wait states not found in the sources read'),
    },
  },
  {
    id: 'stm32l4r5',
    part: 'ST STM32L4R5ZI (NUCLEO-L4R5ZI, pqm4 board)',
    profile: {
      name: 'STM32L4R5 (Cortex-M4F @ 120 MHz)',
      role: 'infusion-pump',
      core: 'cortex-m4',
      clockMHz: 120,
      flashWaitStates: 5,
      ramKiB: 640,
      flashKiB: 2048,
      accelerators: {},
      firmwareImageKiB: 512,
      budgets: CONTROLLER,
    },
    sources: {
      core: p('Zephyr stm32l4r5.dtsi (Z-l4r5)', z('dts/arm/st/l4/stm32l4r5.dtsi')),
      clockMHz: p('STM32L4R5 Range 1 boost 120 MHz (CMSIS-l4r5)', st('stm32l4xx/soc/stm32l4r5xx.h')),
      ramKiB: p('Zephyr stm32l4r5.dtsi: total SRAM 640 KB', z('dts/arm/st/l4/stm32l4r5.dtsi')),
      flashKiB: p('Zephyr stm32l4r5Xi.dtsi: 2048 K', z('dts/arm/st/l4/stm32l4r5Xi.dtsi')),
      flashWaitStates: p(
        'ST LL l4 / pqm4 hal-opencm3.c: 5 WS at 120 MHz (pqm4-hal)',
        'https://github.com/mupq/pqm4/blob/cc2c1b992b602d285bd15991a566d5f17b34c1fa/common/hal-opencm3.c',
      ),
      accelerators: p('CMSIS stm32l4r5xx.h: RNG only', st('stm32l4xx/soc/stm32l4r5xx.h')),
    },
  },
  {
    id: 'stm32f407',
    part: 'ST STM32F407xG (STM32F4-Discovery)',
    profile: {
      name: 'STM32F407 (Cortex-M4F @ 168 MHz)',
      role: 'controller',
      core: 'cortex-m4',
      clockMHz: 168,
      flashWaitStates: 5,
      ramKiB: 192,
      flashKiB: 1024,
      accelerators: {},
      firmwareImageKiB: 512,
      budgets: CONTROLLER,
    },
    sources: {
      core: p('Zephyr stm32f407Xg.dtsi (Z-f407)', z('dts/arm/st/f4/stm32f407Xg.dtsi')),
      clockMHz: p('CMSIS stm32f407xx.h / LL-f4', st('stm32f4xx/soc/stm32f407xx.h')),
      ramKiB: p('Zephyr stm32f407Xg.dtsi: 128 K SRAM + 64 K CCM (data only)', z('dts/arm/st/f4/stm32f407Xg.dtsi')),
      flashKiB: p('Zephyr stm32f407Xg.dtsi: 1024 K', z('dts/arm/st/f4/stm32f407Xg.dtsi')),
      flashWaitStates: p('ST LL f4 thresholds: 5 WS at 168 MHz (LL-f4)', st('stm32f4xx/soc/stm32f407xx.h')),
      accelerators: p('CMSIS stm32f407xx.h: RNG only', st('stm32f4xx/soc/stm32f407xx.h')),
    },
  },
  {
    id: 'nrf5340-app',
    part: 'Nordic nRF5340 application core',
    profile: {
      name: 'nRF5340 app core (Cortex-M33F @ 128 MHz, CryptoCell-312)',
      role: 'bedside-monitor',
      core: 'cortex-m33',
      clockMHz: 128,
      ramKiB: 512,
      flashKiB: 1024,
      accelerators: { sha256: true, aes: true, pka: true, keccak: false },
      link: { mtuBytes: 247, bandwidthKbps: 2000 },
      firmwareImageKiB: 512,
      budgets: CONTROLLER,
    },
    sources: {
      core: p('Zephyr nrf5340_cpuapp.dtsi (Z-nrf5340)', z('dts/arm/nordic/nrf5340_cpuapp.dtsi')),
      clockMHz: p('Zephyr nrf5340dk doc: 128 (or 64) MHz (Z-doc-nrf5340)', z('boards/nordic/nrf5340dk/doc/index.rst')),
      ramKiB: p('Zephyr nrf5340_cpuapp_qkaa.dtsi: 512 K', z('dts/arm/nordic/nrf5340_cpuapp_qkaa.dtsi')),
      flashKiB: p('Zephyr nrf5340_cpuapp_qkaa.dtsi: 1024 K', z('dts/arm/nordic/nrf5340_cpuapp_qkaa.dtsi')),
      accelerators: p(
        'Zephyr nrf5340_cpuapp.dtsi arm,cryptocell-312: SHA-1/224/256, AES, PKA (sizes U)',
        z('dts/arm/nordic/nrf5340_cpuapp.dtsi'),
      ),
      flashWaitStates: u('nRF5340 flash wait states not found in the sources read'),
    },
  },
  {
    id: 'stm32u585',
    part: 'ST STM32U585xI',
    profile: {
      name: 'STM32U585 (Cortex-M33F @ 160 MHz, HASH/PKA)',
      role: 'infusion-pump',
      core: 'cortex-m33',
      clockMHz: 160,
      flashWaitStates: 4,
      ramKiB: 784,
      flashKiB: 2048,
      accelerators: { sha256: true, aes: true, pka: true, keccak: false },
      firmwareImageKiB: 768,
      budgets: CONTROLLER,
    },
    sources: {
      core: p('Zephyr stm32u585Xi.dtsi (Z-u585)', z('dts/arm/st/u5/stm32u585Xi.dtsi')),
      clockMHz: p('CMSIS stm32u585xx.h (CMSIS-u585)', st('stm32u5xx/soc/stm32u585xx.h')),
      ramKiB: p('SRAM1 192 + SRAM2 64 + SRAM3 512 + SRAM4 16 (CMSIS-u585)', st('stm32u5xx/soc/stm32u585xx.h')),
      flashKiB: p('Zephyr stm32u585Xi.dtsi: 2 M', z('dts/arm/st/u5/stm32u585Xi.dtsi')),
      flashWaitStates: p('ST LL u5: 4 WS in Range 1 (LL-u5)', st('stm32u5xx/drivers/src/stm32u5xx_ll_utils.c')),
      accelerators: p(
        'U5 HAL hash (SHA-1/224/256) and pka (HAL-u5-hash/pka)',
        st('stm32u5xx/drivers/include/stm32u5xx_hal_hash.h'),
      ),
    },
  },
  {
    id: 'stm32h743',
    part: 'ST STM32H743xI',
    profile: {
      name: 'STM32H743 (Cortex-M7 @ 480 MHz)',
      role: 'bedside-monitor',
      core: 'cortex-m7',
      clockMHz: 480,
      flashWaitStates: 2,
      ramKiB: 1056,
      flashKiB: 2048,
      accelerators: {},
      firmwareImageKiB: 1024,
      budgets: CONTROLLER,
    },
    sources: {
      core: p('Zephyr stm32h743.dtsi (Z-h743)', z('dts/arm/st/h7/stm32h743.dtsi')),
      clockMHz: p('480 MHz with LDO supply (ST LL h7 note)', st('stm32h7xx/drivers/src/stm32h7xx_ll_utils.c')),
      ramKiB: p('AXI 512 + SRAM1-3 288 + SRAM4 64 + DTCM 128 + ITCM 64 (Z-h743)', z('dts/arm/st/h7/stm32h743.dtsi')),
      flashKiB: p('Zephyr stm32h743Xi.dtsi: 2048 K', z('dts/arm/st/h7/stm32h743Xi.dtsi')),
      flashWaitStates: p(
        'ST LL h7: 2 WS at HCLK 240 MHz (AXI = CPU/2)',
        st('stm32h7xx/drivers/src/stm32h7xx_ll_utils.c'),
      ),
      accelerators: p('CMSIS stm32h743xx.h: RNG only', st('stm32h7xx/soc/stm32h743xx.h')),
    },
  },
  {
    id: 'stm32h7a3',
    part: 'ST STM32H7A3xI',
    profile: {
      name: 'STM32H7A3 (Cortex-M7 @ 280 MHz)',
      role: 'bedside-monitor',
      core: 'cortex-m7',
      clockMHz: 280,
      flashWaitStates: 6,
      ramKiB: 1376,
      flashKiB: 2048,
      accelerators: {},
      firmwareImageKiB: 1024,
      budgets: CONTROLLER,
    },
    sources: {
      core: p('Zephyr stm32h7a3.dtsi (Z-h7a3)', z('dts/arm/st/h7/stm32h7a3.dtsi')),
      clockMHz: p('CMSIS stm32h7a3xx.h: 280 MHz (VOS0)', st('stm32h7xx/soc/stm32h7a3xx.h')),
      ramKiB: p('AXI 1024 + AHB 128 + SRD 32 + DTCM 128 + ITCM 64 (Z-h7a3)', z('dts/arm/st/h7/stm32h7a3.dtsi')),
      flashKiB: p('Zephyr stm32h7a3Xi.dtsi: 2048 K', z('dts/arm/st/h7/stm32h7a3Xi.dtsi')),
      flashWaitStates: p('ST LL h7: 6 WS at 264–280 MHz', st('stm32h7xx/drivers/src/stm32h7xx_ll_utils.c')),
      accelerators: p('CMSIS stm32h7a3xx.h: RNG only', st('stm32h7xx/soc/stm32h7a3xx.h')),
    },
  },
  {
    id: 'imxrt1060',
    part: 'NXP i.MX RT1060 (RT1062)',
    profile: {
      name: 'i.MX RT1060 (Cortex-M7 @ 600 MHz, DCP)',
      role: 'gateway',
      core: 'cortex-m7',
      clockMHz: 600,
      ramKiB: 1024,
      flashKiB: 4096,
      accelerators: { sha256: true, aes: true, pka: false, keccak: false },
      firmwareImageKiB: 2048,
      budgets: CONTROLLER,
    },
    sources: {
      core: p('Zephyr nxp_rt1060.dtsi (Z-rt1060)', z('dts/arm/nxp/imxrt/imxrt10xx/nxp_rt1060.dtsi')),
      clockMHz: p('Zephyr mimxrt1060_evk doc: 600 MHz', z('boards/nxp/mimxrt1060_evk/doc/index.rst')),
      ramKiB: p('FlexRAM 512 + OCRAM2 512 (Z-rt1060)', z('dts/arm/nxp/imxrt/imxrt10xx/nxp_rt1060.dtsi')),
      flashKiB: u('no internal flash (external FlexSPI); 4 MB as on the RT1064 in-package flash assumed'),
      accelerators: p(
        'MCUX fsl_dcp.h: SHA-1, SHA-256, AES-128; no PKA (MCUX-dcp)',
        'https://github.com/zephyrproject-rtos/hal_nxp/blob/e25a218c/mcux/mcux-sdk-ng/drivers/dcp/fsl_dcp.h',
      ),
      flashWaitStates: s('XIP via FlexSPI + L1 caches, TCM 0 WS: wait states not applicable, default derating used'),
    },
  },
  {
    id: 'esp32s3',
    part: 'Espressif ESP32-S3',
    profile: {
      name: 'ESP32-S3 (Xtensa LX7 @ 240 MHz)',
      role: 'gateway',
      core: 'xtensa-lx7',
      clockMHz: 240,
      ramKiB: 512,
      flashKiB: 8192,
      accelerators: { sha256: true, sha512: true, aes: true, pka: true, keccak: false },
      link: { mtuBytes: 1460, bandwidthKbps: 10000 },
      firmwareImageKiB: 1536,
      budgets: CONTROLLER,
    },
    sources: {
      core: p(
        'ESP-IDF esp32s3 soc_caps.h (IDF-s3-caps)',
        'https://github.com/espressif/esp-idf/blob/001c29b0/components/soc/esp32s3/include/soc/soc_caps.h',
      ),
      clockMHz: p(
        'ESP-IDF esp32s3 soc_caps.h: 240 MHz',
        'https://github.com/espressif/esp-idf/blob/001c29b0/components/soc/esp32s3/include/soc/soc_caps.h',
      ),
      ramKiB: p(
        'ESP-IDF esp32s3: 512 KB SRAM',
        'https://www.espressif.com/sites/default/files/documentation/esp32-s3_datasheet_en.pdf',
      ),
      flashKiB: u('external SPI/OPI flash; 8 MB module flash assumed'),
      accelerators: p(
        'ESP-IDF soc_caps.h: SHA-1/2 incl. SHA-512, AES, RSA ≤ 4096 (MPI; pka = RSA only), no ECC',
        'https://github.com/espressif/esp-idf/blob/001c29b0/components/soc/esp32s3/include/soc/soc_caps.h',
      ),
    },
  },
  {
    id: 'esp32c3',
    part: 'Espressif ESP32-C3',
    profile: {
      name: 'ESP32-C3 (RV32IMC @ 160 MHz)',
      role: 'sensor',
      core: 'riscv32',
      clockMHz: 160,
      ramKiB: 400,
      flashKiB: 4096,
      accelerators: { sha256: true, aes: true, pka: true, keccak: false },
      firmwareImageKiB: 1024,
      budgets: CONTROLLER,
    },
    sources: {
      core: p(
        'ESP-IDF esp32c3 soc_caps.h (IDF-c3-caps)',
        'https://github.com/espressif/esp-idf/blob/0049cc66/components/soc/esp32c3/include/soc/soc_caps.h',
      ),
      clockMHz: p(
        'ESP-IDF esp32c3: 160 MHz',
        'https://github.com/espressif/esp-idf/blob/0049cc66/components/soc/esp32c3/include/soc/soc_caps.h',
      ),
      ramKiB: p(
        'ESP32-C3: 400 KB (16 KB cache)',
        'https://github.com/espressif/esp-idf/blob/0049cc66/components/soc/esp32c3/include/soc/soc_caps.h',
      ),
      flashKiB: u('external flash; 4 MB module flash assumed'),
      accelerators: p(
        'ESP-IDF soc_caps.h: SHA-1/224/256, AES, RSA ≤ 3072 (pka = RSA only), no ECC',
        'https://github.com/espressif/esp-idf/blob/0049cc66/components/soc/esp32c3/include/soc/soc_caps.h',
      ),
    },
  },
  {
    id: 'imx8mm',
    part: 'NXP i.MX 8M Mini (Cortex-A53 gateway)',
    profile: {
      name: 'i.MX 8M Mini gateway (4× Cortex-A53 @ 1.8 GHz)',
      role: 'gateway',
      core: 'cortex-a53',
      clockMHz: 1800,
      memoryDerating: 1,
      ramKiB: 1_048_576,
      flashKiB: 8_388_608,
      accelerators: { sha256: true, aes: true, pka: true, keccak: false },
      link: { mtuBytes: 1500, bandwidthKbps: 100_000 },
      firmwareImageKiB: 65_536,
      budgets: GATEWAY,
    },
    sources: {
      core: p(
        'Linux imx8mm.dtsi: 4× arm,cortex-a53 (Linux-imx8mm-dtsi)',
        'https://github.com/torvalds/linux/blob/01df28d8/arch/arm64/boot/dts/freescale/imx8mm.dtsi',
      ),
      clockMHz: p(
        'Linux imx8mm.dtsi OPP 1.8 GHz (speed grade dependent)',
        'https://github.com/torvalds/linux/blob/01df28d8/arch/arm64/boot/dts/freescale/imx8mm.dtsi',
      ),
      ramKiB: u('external DRAM; 1 GiB board assumed'),
      flashKiB: u('eMMC boot; 8 GiB board assumed'),
      accelerators: s(
        'CAAM: AES, SHA-1/SHA-2, RSA/ECC PKHA (algorithm list U); no SHA-3 (Armv8.0)',
        'https://github.com/torvalds/linux/commit/112e7b7b',
      ),
      memoryDerating: u('caches and DRAM: derating folded into the A53 core factor'),
    },
  },
];

export const DEVICES: readonly CatalogDevice[] = Object.freeze(ENTRIES.map(withBudgetSources));

export function findDevice(id: string): CatalogDevice | undefined {
  return DEVICES.find((d) => d.id === id);
}
