package com.misty.deploy.checks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/preflight.sh, run with bash against faked machines: /proc/cpuinfo and /proc/meminfo replaced by files,
 * uname, getconf, df and docker by stand-ins on the PATH.
 */
class PreflightTest {

    private static final Path PREFLIGHT = RepositoryLayout.deploy().resolve("preflight.sh");
    private static final String X86_FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat sse sse2 ssse3 sse4_1 sse4_2 popcnt aes xsave";
    /** Cortex-A76 (Raspberry Pi 5): ARMv8.2-A. */
    private static final String ARM_V82_FEATURES = "fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp";
    /** Cortex-A53/A72 (Raspberry Pi 3/4, many NAS): ARMv8.0-A. */
    private static final String ARM_V80_FEATURES = "fp asimd evtstrm crc32 cpuid";
    private static final long GIB_KIB = 1024L * 1024;

    @TempDir
    Path work;

    private Path bin;

    @BeforeEach
    void standIns() throws IOException {
        assumeTrue(new ExternalTool("bash").installed(), "bash is not installed");
        bin = Files.createDirectories(work.resolve("bin"));
        tool("uname", "echo \"$FAKE_MACHINE\"");
        tool("getconf", "echo \"$FAKE_LONG_BIT\"");
        tool("df", """
                echo "Filesystem 1024-blocks Used Available Capacity Mounted on"
                echo "/dev/sda1 999999999 1 $FAKE_FREE_KIB 1% /"
                """);
        tool("docker", """
                case "$1" in
                  version) [ -z "${FAKE_DOCKER_DOWN:-}" ] || exit 1; echo "27.3.1" ;;
                  compose) echo "Docker Compose version v2.29.7" ;;
                  *) exit 1 ;;
                esac
                """);
    }

    @Test
    void aGoodX86MachinePasses() throws IOException {
        ExternalTool.Result result = preflight(machine("x86_64", "flags", X86_FLAGS + " avx avx2", 8 * GIB_KIB));

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout()).contains("PASS  cpu", "PASS  memory", "PASS  runtime").contains("verdict: SUPPORTED.")
                .doesNotContain("FAIL");
    }

    @Test
    void anX86CpuWithoutAvxIsRefused() throws IOException {
        ExternalTool.Result result = preflight(machine("x86_64", "flags", X86_FLAGS, 8 * GIB_KIB));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).containsPattern("FAIL +cpu +no AVX").contains("verdict: NOT SUPPORTED");
    }

    @Test
    void halfAGigabyteOfMemoryIsRefused() throws IOException {
        ExternalTool.Result result = preflight(machine("x86_64", "flags", X86_FLAGS + " avx", 512 * 1024));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).containsPattern("FAIL +memory +512 MiB").contains("verdict: NOT SUPPORTED");
    }

    @Test
    void threeGigabytesPassWithAWarning() throws IOException {
        ExternalTool.Result result = preflight(machine("x86_64", "flags", X86_FLAGS + " avx", 2900 * 1024));

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout()).containsPattern("WARN +memory").contains("verdict: SUPPORTED, with 1 warning");
    }

    @Test
    void thirtyTwoBitArmIsRefused() throws IOException {
        // The ReadyNAS RN104's Armada 370: 32-bit ARMv7, 512 MB.
        ExternalTool.Result result = preflight(machine("armv7l", "Features", "half thumb fastmult vfp edsp thumbee vfpv3 tls idiva", 512 * 1024)
                .with("FAKE_LONG_BIT", "32"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).containsPattern("FAIL +arch +armv7l is 32-bit").contains("verdict: NOT SUPPORTED");
    }

    @Test
    void arm64NeedsArmV82() throws IOException {
        ExternalTool.Result old = preflight(machine("aarch64", "Features", ARM_V80_FEATURES, 8 * GIB_KIB));
        ExternalTool.Result current = preflight(machine("aarch64", "Features", ARM_V82_FEATURES, 8 * GIB_KIB));

        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.stdout()).containsPattern("FAIL +cpu +not ARMv8.2-A");
        assertThat(current.exitCode()).as(current.stdout()).isZero();
        assertThat(current.stdout()).containsPattern("PASS +cpu +ARMv8.2-A");
    }

    @Test
    void aSixtyFourBitCpuWithAThirtyTwoBitOsIsRefused() throws IOException {
        ExternalTool.Result result = preflight(machine("aarch64", "Features", ARM_V82_FEATURES, 8 * GIB_KIB)
                .with("FAKE_LONG_BIT", "32"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).containsPattern("FAIL +arch +64-bit CPU .* 32-bit userland");
    }

    @Test
    void littleDiskOrNoDockerDaemonIsRefused() throws IOException {
        Machine good = machine("x86_64", "flags", X86_FLAGS + " avx", 8 * GIB_KIB);

        ExternalTool.Result disk = preflight(good.with("FAKE_FREE_KIB", String.valueOf(GIB_KIB)));
        ExternalTool.Result docker = preflight(good.with("FAKE_DOCKER_DOWN", "yes"));
        ExternalTool.Result kubernetes = preflight(good.with("FAKE_DOCKER_DOWN", "yes"), "--kubernetes");

        assertThat(disk.exitCode()).isEqualTo(1);
        assertThat(disk.stdout()).containsPattern("FAIL +disk +1024 MiB free");
        assertThat(docker.exitCode()).isEqualTo(1);
        assertThat(docker.stdout()).containsPattern("FAIL +runtime +docker is installed but its daemon does not answer");
        assertThat(kubernetes.exitCode()).as(kubernetes.stdout()).isZero();
    }

    private record Machine(Map<String, String> environment) {
        Machine with(String name, String value) {
            Map<String, String> copy = new HashMap<>(environment);
            copy.put(name, value);
            return new Machine(copy);
        }
    }

    private Machine machine(String arch, String flagsKey, String flags, long memTotalKib) throws IOException {
        Path cpuinfo = Files.writeString(work.resolve("cpuinfo-" + arch + flags.hashCode()),
                "processor\t: 0\nmodel name\t: Test CPU\n" + flagsKey + "\t\t: " + flags + "\n\nprocessor\t: 1\n");
        Path meminfo = Files.writeString(work.resolve("meminfo-" + memTotalKib),
                "MemTotal:       " + memTotalKib + " kB\nMemFree:        1000 kB\nMemAvailable:   " + memTotalKib / 2 + " kB\n");
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("MISTY_PREFLIGHT_CPUINFO", cpuinfo.toString());
        environment.put("MISTY_PREFLIGHT_MEMINFO", meminfo.toString());
        environment.put("FAKE_MACHINE", arch);
        environment.put("FAKE_LONG_BIT", "64");
        environment.put("FAKE_FREE_KIB", String.valueOf(100 * GIB_KIB));
        return new Machine(environment);
    }

    private ExternalTool.Result preflight(Machine machine, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(PREFLIGHT.toString()));
        command.addAll(List.of(arguments));
        command.add(work.toString());
        return new ExternalTool("bash").run(work, machine.environment(), command);
    }

    private void tool(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
