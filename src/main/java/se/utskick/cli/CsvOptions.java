package se.utskick.cli;

import java.nio.charset.Charset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import se.utskick.UtskickException;
import se.utskick.register.RegisterConfig;

/** Converters for {@code --encoding} and {@code --delimiter}: a bad value is a usage error (exit 2). */
final class CsvOptions {
    private CsvOptions() {
    }

    static final class EncodingConverter implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return RegisterConfig.encoding(value, "--encoding").orElseThrow(
                        () -> new TypeConversionException("--encoding auto is the default; leave the option out"));
            } catch (UtskickException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            try {
                return RegisterConfig.delimiter(value, "--delimiter").orElseThrow(
                        () -> new TypeConversionException("--delimiter auto is the default; leave the option out"));
            } catch (UtskickException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
