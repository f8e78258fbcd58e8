package com.misty.platform.storage;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class EntityFieldsTest {

    public record Sample(@BsonId String id, @BsonProperty("full_name") String fullName, long version,
                         @BsonProperty("created_at") Instant createdAt, String email) {
    }

    private static final Sample SAMPLE = new Sample("s-1", "Ada", 3L, Instant.parse("2026-01-02T03:04:05Z"), null);

    @Test
    void theFieldsAreTheStoredNamesWithTheValuesAReadGives() {
        Document fields = EntityFields.of(SAMPLE, MongoClientSettings.getDefaultCodecRegistry());

        assertThat(fields.keySet()).containsExactlyInAnyOrder("_id", "full_name", "version", "created_at");
        // Plain values, equal to what a read of the stored document returns: the relay keys its lease by this id.
        assertThat(fields.get("_id")).isEqualTo("s-1");
        assertThat(fields.get("version")).isEqualTo(3L);
        assertThat(fields.get("created_at")).isEqualTo(Date.from(SAMPLE.createdAt()));
    }

    @Test
    void withoutIdLeavesTheIdToTheUpsertsFilter() {
        assertThat(EntityFields.withoutId(SAMPLE, MongoClientSettings.getDefaultCodecRegistry()).keySet())
                .containsExactlyInAnyOrder("full_name", "version", "created_at");
    }

    @Test
    void readDecodesWhatOfWrote() {
        Document raw = new Document(EntityFields.of(SAMPLE, MongoClientSettings.getDefaultCodecRegistry()));

        assertThat(EntityFields.read(raw, Sample.class, MongoClientSettings.getDefaultCodecRegistry())).isEqualTo(SAMPLE);
    }
}
