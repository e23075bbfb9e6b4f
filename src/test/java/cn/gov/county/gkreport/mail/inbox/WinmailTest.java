package cn.gov.county.gkreport.mail.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.gov.county.gkreport.mail.Tnef;

import org.junit.jupiter.api.Test;

/** Outlook's winmail.dat read with POI's HMEF: the files inside with their Chinese names. */
class WinmailTest {

    @Test
    void readsTheWorkbookAndItsUnicodeNameFromATnefFile() throws Exception {
        byte[] xlsx = "PK\u0003\u0004 a workbook".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tnef = new Tnef().attach("T06-下村镇-2024年政府信息公开年报.xlsx", xlsx)
                .attach("盖章页.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)).bytes();

        List<Winmail.Inner> files = Winmail.files(new ByteArrayInputStream(tnef));

        assertThat(files).extracting(Winmail.Inner::name).containsExactly("T06-下村镇-2024年政府信息公开年报.xlsx", "盖章页.pdf");
        assertThat(files.get(0).content()).isEqualTo(xlsx);
    }

    @Test
    void recognisesWinmailByTypeOrName() {
        assertThat(Winmail.is("winmail.dat", "application/octet-stream")).isTrue();
        assertThat(Winmail.is("WINMAIL.DAT", null)).isTrue();
        assertThat(Winmail.is("x.dat", "application/ms-tnef; name=x.dat")).isTrue();
        assertThat(Winmail.is("年报.xlsx", "application/vnd.ms-excel")).isFalse();
    }

    @Test
    void aFileThatIsNotTnefIsAnIoProblemNotACrash() {
        assertThatThrownBy(() -> Winmail.files(new ByteArrayInputStream("not tnef at all".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(IOException.class);
    }
}
