package dev.bmcagent.agent.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Reads {@link PartialConfig} from YAML; every problem becomes a {@link ConfigException} naming the key. */
public final class AgentConfigLoader {
    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    public PartialConfig load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("config", "file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("config", "cannot read " + file + ": " + e.getMessage());
        }
    }

    public PartialConfig parse(String text) {
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
            throw new ConfigException(key(e), e.getOriginalMessage());
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType().isEnum()
                    ? " (allowed: " + Arrays.toString(e.getTargetType().getEnumConstants()) + ")" : "";
            throw new ConfigException(key(e), "'" + e.getValue() + "' is not a valid "
                    + typeName(e.getTargetType()) + allowed);
        } catch (MismatchedInputException e) {
            throw new ConfigException(key(e), "expected " + typeName(e.getTargetType()));
        } catch (JacksonException e) {
            throw new ConfigException("config", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
    }

    private static String key(JsonMappingException e) {
        String k = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
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
