package cn.gov.county.gkreport.chase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.intake.UnitCode;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The units' mail addresses for reminders, from {@code consolidator.mail.unit-addresses}: a CSV
 * {@code code,email} kept outside the repository (addresses are personal data). A header line, blank
 * lines and {@code #} comments are allowed; a malformed line is reported and skipped. Codes are read as the
 * roster's ({@link UnitCode}).
 */
public final class UnitAddresses {

    private static final Logger log = LoggerFactory.getLogger(UnitAddresses.class);

    private final Map<String, String> byCode;

    public UnitAddresses(Map<String, String> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public static UnitAddresses none() {
        return new UnitAddresses(Map.of());
    }

    public static UnitAddresses read(Path csv) {
        if (csv == null) {
            return none();
        }
        if (!Files.isRegularFile(csv)) {
            log.warn("单位邮箱文件不存在: {}（consolidator.mail.unit-addresses），催报邮件只发给以邮件报送过的单位", csv);
            return none();
        }
        Map<String, String> map = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replace("\uFEFF", "").strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("[,，]", 2);
                if (parts.length != 2) {
                    log.warn("{} 第 {} 行格式应为 单位代码,邮箱: {}", csv, i + 1, line);
                    continue;
                }
                String code = UnitCode.normalize(parts[0]);
                String email = parts[1].strip();
                if (i == 0 && !email.contains("@")) {
                    continue; // header
                }
                try {
                    InternetAddress address = new InternetAddress(email, true);
                    map.put(code, address.getAddress());
                } catch (AddressException e) {
                    log.warn("{} 第 {} 行邮箱地址无效: {}", csv, i + 1, email);
                }
            }
        } catch (IOException e) {
            log.warn("无法读取单位邮箱文件 {}: {}", csv, e.getMessage());
        }
        return new UnitAddresses(map);
    }

    public Optional<String> of(String unitCode) {
        return Optional.ofNullable(byCode.get(unitCode));
    }
}
