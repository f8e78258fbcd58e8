package com.misty.suite;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteOptionsTest {

    private static final Path HOME = Path.of("/suite");

    @Test
    void startsBothStandInsByDefault() {
        SuiteOptions options = SuiteOptions.parse(new String[0], Map.of(), HOME);

        assertThat(options.externalKafka()).isEmpty();
        assertThat(options.externalMongodb()).isEmpty();
        assertThat(options.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(options.mongodbUri()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(options.dataDir()).isEqualTo(Path.of("/suite/.data"));
    }

    @Test
    void environmentNamesExternalServicesAndFlagsWin() {
        SuiteOptions options = SuiteOptions.parse(new String[] {"--kafka=broker:9093"},
                Map.of("MISTY_KAFKA_BOOTSTRAP", "other:9092", "MISTY_MONGODB_URI", "mongodb://db:27017/?replicaSet=rs0"),
                HOME);

        assertThat(options.kafkaBootstrap()).isEqualTo("broker:9093");
        assertThat(options.externalMongodb()).contains("mongodb://db:27017/?replicaSet=rs0");
    }

    @Test
    void theGatewayPortMovesTheServicesWithIt() {
        SuiteOptions options = SuiteOptions.parse(new String[] {"--port=18080"}, Map.of(), HOME);

        assertThat(options.gatewayPort()).isEqualTo(18080);
        assertThat(ServiceSpec.named("auth-service").port(options.gatewayPort())).isEqualTo(18081);
        assertThat(ServiceSpec.named("order-service").baseUrl(options.gatewayPort())).isEqualTo("http://127.0.0.1:18084");
    }

    @Test
    void replicasTakeFivePortsEachAfterTheFirstAndAreNamedByNumber() {
        SuiteOptions options = SuiteOptions.parse(new String[] {"--port=18080", "--replicas=2"}, Map.of(), HOME);

        assertThat(options.replicas()).isEqualTo(2);
        assertThat(ServiceSpec.instances(options.replicas())).extracting(ServiceSpec::name).containsExactly(
                "auth-service", "inventory-service", "payroll-service", "order-service", "gateway",
                "auth-service-2", "inventory-service-2", "payroll-service-2", "order-service-2", "gateway-2");
        assertThat(ServiceSpec.named("inventory-service-2").port(options.gatewayPort())).isEqualTo(18087);
        assertThat(ServiceSpec.named("gateway-2").port(options.gatewayPort())).isEqualTo(18085);
        assertThat(ServiceSpec.named("inventory-service").port(options.gatewayPort())).isEqualTo(18082);
        assertThat(ServiceSpec.isService("order-service-2")).isTrue();
        assertThat(ServiceSpec.isService(LocalSuite.KAFKA)).isFalse();
        assertThat(SuiteOptions.parse(new String[0], Map.of("MISTY_REPLICAS", "3"), HOME).replicas()).isEqualTo(3);
        assertThat(SuiteOptions.parse(new String[0], Map.of(), HOME).replicas()).isEqualTo(1);
    }

    @Test
    void replicasOutOfRangeOrOverlappingOtherPortsAreRefused() {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--replicas=0"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("'--replicas=0' is refused: replicas is a number from 1 to 4");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[0], Map.of("MISTY_REPLICAS", "two"), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("'MISTY_REPLICAS=two' is refused: replicas is a number from 1 to 4");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--port=9084", "--replicas=2"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("the Kafka ports 9092-9093 overlap the gateway's and services' ports 9084-9093:"
                        + " choose another --port or --kafka-port");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--port=65530", "--replicas=2"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class).hasMessageContaining("leaves no room for 2 replicas");
    }

    @Test
    void badOptionsAreOneClearLine() {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--kafka-port=abc"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("'--kafka-port=abc' is not a port number: a port is a number from 1 to 65534"
                        + " (the broker's controller takes the next port)");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--what"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class).hasMessageStartingWith("unknown option '--what'");
    }

    @Test
    void portsOutOfRangeAreRefusedWithTheRangeThatLeavesRoomForTheFollowingPorts() {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--port=65533"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("'--port=65533' is out of range: a port is a number from 1 to 65531"
                        + " (the services take the next four ports)");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--mongodb-port=0"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("'--mongodb-port=0' is out of range: a port is a number from 1 to 65535");
        assertThat(SuiteOptions.parse(new String[] {"--port=65531", "--mongodb-port=27018"}, Map.of(), HOME).gatewayPort())
                .isEqualTo(65531);
    }

    @Test
    void overlappingPortBlocksAreRefusedUnlessTheOtherSideIsExternal() {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--port=9090"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("the Kafka ports 9092-9093 overlap the gateway's and services' ports 9090-9094:"
                        + " choose another --port or --kafka-port");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--mongodb-port=8083"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class).hasMessageContaining("the MongoDB port 8083 is one of");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--mongodb-port=9093"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class).hasMessageContaining("is one of the Kafka ports 9092-9093");

        assertThat(SuiteOptions.parse(new String[] {"--port=9090", "--kafka=broker:9092"}, Map.of(), HOME).gatewayPort())
                .isEqualTo(9090);
    }

    @Test
    void aBootstrapPasswordAuthServiceWouldRefuseIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[0], Map.of("MISTY_ADMIN_PASSWORD", "my-admin-password"), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("MISTY_ADMIN_PASSWORD is refused: A password must not contain the username."
                        + " (the bootstrap user is 'admin')");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[0], Map.of("MISTY_ADMIN_PASSWORD", "short"), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("A password needs at least 12 characters.");

        assertThat(SuiteOptions.parse(new String[0], Map.of("MISTY_ADMIN_PASSWORD", "correct-Horse-battery-9"), HOME)
                .adminPassword()).contains("correct-Horse-battery-9");
        assertThat(SuiteOptions.parse(new String[0], Map.of(), HOME).adminPassword()).isEmpty();
    }

    @Test
    void anEmptyDataDirectoryIsRefused() {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--data-dir="}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class)
                .hasMessage("the data directory (--data-dir or MISTY_DATA_DIR) must not be empty");
    }
}
