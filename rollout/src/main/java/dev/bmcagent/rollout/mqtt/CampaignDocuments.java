package dev.bmcagent.rollout.mqtt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bmcagent.rollout.campaign.CampaignState;
import java.io.IOException;

/** The campaign state document: {@link CampaignState} as JSON (docs/ROLLOUT.md has its JSON Schema). */
public final class CampaignDocuments {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CampaignDocuments() {}

    /** Retained topic of campaign {@code name}'s state. */
    public static String stateTopic(String name) {
        return RolloutTopics.PREFIX + "/campaign/" + name + "/state";
    }

    public static byte[] toJson(CampaignState s) {
        try {
            return JSON.writeValueAsBytes(s);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + s, e);
        }
    }

    public static CampaignState fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, CampaignState.class);
    }
}
