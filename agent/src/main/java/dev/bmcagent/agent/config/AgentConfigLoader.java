package dev.bmcagent.agent.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Reads {@link PartialConfig} from YAML; every problem becomes a {@link ConfigException} naming the key, one line.
 * The file must be a regular file of at most {@link #MAX_BYTES} bytes of UTF-8 (never more is read, so
 * {@code /dev/zero} or a 50 MB file cost nothing); a key given twice is refused, as is a boolean or number where
 * a string belongs ({@code adminPassword: yes} would otherwise become the password "true").
 */
public final class AgentConfigLoader {
    /** A configuration is a few hundred bytes; 64 KiB leaves room for comments and never costs parse time. */
    public static final int MAX_BYTES = 64 * 1024;

    private final ObjectMapper yaml = strict(YAMLMapper.builder(
                    YAMLFactory.builder().loaderOptions(loaderOptions()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build());

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(MAX_BYTES);
        o.setMaxAliasesForCollections(10);
        o.setNestingDepthLimit(10);
        o.setAllowDuplicateKeys(false);
        return o;
    }

    /** No YAML boolean or number is turned into a string field; quote it to mean the text. */
    private static ObjectMapper strict(ObjectMapper m) {
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return m;
    }

    public PartialConfig load(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ConfigException("config", file + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ConfigException("config", file + " is larger than " + MAX_BYTES + " bytes");
            }
            return parse(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("config", "file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new ConfigException("config", file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException("config", "cannot read " + file + ": " + oneLine(e.getMessage()));
        }
    }

    public PartialConfig parse(String text) {
        if (text.length() > MAX_BYTES) {
            throw new ConfigException("config", "larger than " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode tree = yaml.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return PartialConfig.empty(); // empty file or only comments
            }
            return yaml.treeToValue(tree, PartialConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(key(e), "unknown key (known keys: " + known(e.getKnownPropertyIds()) + ")");
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(key(e), oneLine(e.getOriginalMessage()));
        } catch (InvalidFormatException e) {
            if (e.getTargetType() == String.class) {
                throw new ConfigException(key(e), "expected string, not " + e.getValue() + quoteHint(String.class));
            }
            String allowed = e.getTargetType().isEnum()
                    ? " (allowed: " + Arrays.toString(e.getTargetType().getEnumConstants()) + ")"
                    : "";
            throw new ConfigException(
                    key(e),
                    "'" + e.getValue() + "' is not a valid " + typeName(e.getTargetType()) + allowed
                            + quoteHint(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(key(e), "expected " + typeName(e.getTargetType()) + quoteHint(e.getTargetType()));
        } catch (StreamReadException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.startsWith("Duplicate field '")) {
                String k = m.substring(17, m.indexOf('\'', 17));
                throw new ConfigException(k, "key given twice" + at(e));
            }
            throw new ConfigException("config", "not valid YAML: " + oneLine(m) + at(e));
        } catch (JacksonException e) {
            throw new ConfigException("config", "not valid YAML: " + oneLine(e.getOriginalMessage()) + at(e));
        }
    }

    private static String at(JacksonException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
    }

    private static String quoteHint(Class<?> type) {
        return type == String.class
                ? " (quote it: YAML reads yes/no/on/off/true/false and digits as booleans and " + "numbers)"
                : "";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static String key(JsonMappingException e) {
        String k = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return k.isEmpty() ? "config" : k;
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Integer.class || type == int.class) {
            return "integer";
        }
        if (type == Double.class || type == double.class) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isRecord()) {
            return "section (key: value lines)";
        }
        return type.getSimpleName();
    }
}
