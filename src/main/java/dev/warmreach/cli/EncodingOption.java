package dev.warmreach.cli;

import dev.warmreach.domain.UserError;
import dev.warmreach.importer.CsvFile;
import java.nio.charset.Charset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A character encoding named on the command line; an unknown name is a usage error. */
final class EncodingOption implements ITypeConverter<Charset> {

  @Override
  public Charset convert(String value) {
    try {
      return CsvFile.encodingNamed(value);
    } catch (UserError e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
