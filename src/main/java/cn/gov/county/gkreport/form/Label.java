package cn.gov.county.gkreport.form;

import java.util.List;
import java.util.stream.Stream;

/**
 * A printed label with the variants seen in real files (older formats, shortened wording).
 *
 * @param code    the code this label stands for
 * @param text    the label as printed in the current format
 * @param aliases other spellings accepted when reading
 */
public record Label(String code, String text, List<String> aliases) {

    public Label {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Stream<String> spellings() {
        return Stream.concat(Stream.of(text), aliases.stream());
    }
}
