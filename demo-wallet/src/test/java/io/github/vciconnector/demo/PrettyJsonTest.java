package io.github.vciconnector.demo;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrettyJsonTest {

    @Test
    void formatWhenNestedValuesThenIndentedJsonThatParsesBack() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("x5c", List.of("MII=", "a\"b\\c\n"));
        json.put("n", 3L);
        json.put("empty", Map.of());
        json.put("flag", true);

        String pretty = PrettyJson.format(json);

        assertThat(pretty).startsWith("{\n  \"x5c\": [\n    \"MII=\",").contains("\"empty\": {}");
        assertThat(JSONObjectUtils.parse(pretty)).isEqualTo(json);
    }
}
