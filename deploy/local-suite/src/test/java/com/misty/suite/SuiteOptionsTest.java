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
    void badOptionsAreOneClearLine() {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--kafka-port=abc"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class).hasMessage("'--kafka-port=abc' is not a port number");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--what"}, Map.of(), HOME))
                .isInstanceOf(LaunchException.class).hasMessageStartingWith("unknown option '--what'");
    }
}
