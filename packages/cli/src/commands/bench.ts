/**
 * `pqready bench`: estimate ML-KEM/ML-DSA/SLH-DSA/LMS/XMSS costs on a device and check them against its budgets;
 * optionally time the same algorithms on this host (gateway/cloud side, never shown as a device number).
 * Exit codes: 0 done, 2 bad usage or an invalid profile/calibration file (one sentence naming the JSON path).
 */
import path from 'node:path';
import { Flags } from '@oclif/core';
import {
  type BenchReport,
  buildBenchReport,
  type Calibration,
  type CatalogDevice,
  DEVICES,
  type DeviceProfile,
  findDevice,
  type HostReport,
  loadCalibration,
  loadDeviceProfile,
  measureHost,
  ProfileError,
} from '@pqready/benchmark';
import { PqreadyCommand } from '../base.js';
import { renderBenchMarkdown } from '../render/bench-markdown.js';
import { renderBenchTable } from '../render/bench-table.js';

export default class Bench extends PqreadyCommand {
  static override summary = 'Check post-quantum algorithms against a device profile and its budgets.';
  static override description =
    'Estimates on-device time, stack, code and wire bytes for ML-KEM, ML-DSA, SLH-DSA, LMS/XMSS and hybrids from cited ' +
    'on-target cycle counts, and recommends the strongest parameter set that fits each use case, in about a second. ' +
    'With --measure (or --quick) it also times the algorithms on this host in fresh Node processes (gateway/cloud-side numbers).';
  static override examples = [
    '<%= config.bin %> bench --device nrf52840',
    '<%= config.bin %> bench --profile docs/examples/implant-profile.yaml --json',
    '<%= config.bin %> bench --device stm32u585 --format markdown --output fit.md',
    '<%= config.bin %> bench --profile docs/examples/implant-profile.yaml --calibration docs/examples/calibration.yaml',
    '<%= config.bin %> bench --device nrf52840 --quick',
    '<%= config.bin %> bench --list-devices',
  ];
  static override enableJsonFlag = true;
  static override flags = {
    device: Flags.string({ char: 'd', description: 'built-in device id (see --list-devices)', exclusive: ['profile'] }),
    profile: Flags.string({
      char: 'p',
      description: 'device profile FILE (JSON or YAML; docs/device-profile.schema.json)',
    }),
    calibration: Flags.string({ description: 'on-target measurements FILE that override estimates' }),
    quick: Flags.boolean({ description: 'short host measurement (within 15 s on 2 cores); implies --measure' }),
    measure: Flags.boolean({
      description: 'also time the algorithms on this host (about a minute; gateway/cloud-side numbers)',
      default: false,
      allowNo: true,
    }),
    format: Flags.string({
      char: 'f',
      description: 'output format (default: table on a terminal, json otherwise)',
      options: ['table', 'json', 'markdown'],
    }),
    output: Flags.string({ char: 'o', description: 'write to FILE (atomically) instead of standard output' }),
    'list-devices': Flags.boolean({ description: 'list the built-in devices and exit' }),
  };

  async run(): Promise<BenchReport | { devices: { id: string; part: string; core: string; clockMHz: number }[] }> {
    const { flags } = await this.parse(Bench);
    if (flags['list-devices']) {
      const devices = DEVICES.map((d) => ({
        id: d.id,
        part: d.part,
        core: d.profile.core,
        clockMHz: d.profile.clockMHz,
      }));
      if (!this.jsonEnabled())
        for (const d of devices)
          this.log(`${d.id.padEnd(12)} ${d.core.padEnd(14)} ${String(d.clockMHz).padStart(5)} MHz  ${d.part}`);
      return { devices };
    }
    let device: CatalogDevice | undefined;
    let profile: DeviceProfile;
    let calibration: Calibration | undefined;
    try {
      if (flags.profile) {
        profile = loadDeviceProfile(flags.profile);
      } else if (flags.device) {
        device = findDevice(flags.device);
        if (!device)
          throw new ProfileError(
            `Unknown device "${flags.device}"; known devices: ${DEVICES.map((d) => d.id).join(', ')}.`,
          );
        profile = device.profile;
      } else {
        throw new ProfileError('Give --device ID (see --list-devices) or --profile FILE.');
      }
      if (flags.calibration) calibration = loadCalibration(flags.calibration);
    } catch (error) {
      if (error instanceof ProfileError) this.error(error.message, { exit: 2 });
      throw error;
    }

    let host: HostReport | undefined;
    if (flags.measure || flags.quick) {
      const tty = process.stderr.isTTY === true && !this.jsonEnabled();
      let shown = false;
      host = await measureHost({
        quick: flags.quick,
        onProgress: tty
          ? (done, total, label) => {
              shown = true;
              process.stderr.write(`\r\x1b[KMeasuring on this host: ${done}/${total} ${label}`);
            }
          : undefined,
      });
      if (shown) process.stderr.write('\r\x1b[K');
    }

    const report = buildBenchReport({
      device,
      profile,
      profileLabel: flags.profile ? path.basename(flags.profile) : undefined,
      calibration,
      host,
    });
    if (this.jsonEnabled()) return report;
    const format = flags.format ?? (process.stdout.isTTY && !flags.output ? 'table' : 'json');
    const rendered =
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'markdown'
          ? renderBenchMarkdown(report)
          : renderBenchTable(report);
    if (flags.output) {
      await this.writeOutputFile(flags.output, rendered);
      process.stderr.write(`Wrote ${flags.output}.\n`);
    } else {
      process.stdout.write(rendered);
    }
    return report;
  }
}
