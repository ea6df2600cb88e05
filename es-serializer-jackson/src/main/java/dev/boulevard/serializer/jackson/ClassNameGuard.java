package dev.boulevard.serializer.jackson;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;

/** Makes sure that stored data can never name a class for a serializer's mapper to instantiate. */
final class ClassNameGuard {

  private ClassNameGuard() {}

  /** {@return a copy of the mapper that rejects class-name type ids; refuses default typing} */
  static ObjectMapper copyWithoutClassNames(ObjectMapper mapper) {
    ObjectMapper copy;
    try {
      copy = mapper.copy();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "The ObjectMapper cannot be copied: "
              + mapper.getClass().getName()
              + " must override copy()",
          e);
    }
    if (copy.getSerializationConfig().getDefaultTyper(null) != null
        || copy.getDeserializationConfig().getDefaultTyper(null) != null) {
      throw new IllegalArgumentException(
          "The ObjectMapper has default typing activated, which lets stored data name a class to"
              + " instantiate: deactivate it and rely on the EventTypeRegistry");
    }
    return copy.setPolymorphicTypeValidator(new DenyingClassNames());
  }

  /** Rejects every class-name type id, so that stored data cannot pick a class to instantiate. */
  private static final class DenyingClassNames extends PolymorphicTypeValidator.Base {

    private static final long serialVersionUID = 1L;

    @Override
    public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
      return Validity.DENIED;
    }

    @Override
    public Validity validateSubClassName(
        MapperConfig<?> config, JavaType baseType, String subClassName) {
      return Validity.DENIED;
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
      return Validity.DENIED;
    }
  }
}
