package cn.gov.county.gkreport.mail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A winmail.dat written byte for byte as Outlook writes one (MS-OXTNEF): the signature, a message
 * class, then per attachment attAttachRendData, attAttachTitle (the short name in the ANSI code page),
 * attAttachData (the file) and attAttachment with PR_ATTACH_LONG_FILENAME in Unicode.
 */
public final class Tnef {

    private static final int LVL_MESSAGE = 1;
    private static final int LVL_ATTACHMENT = 2;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public   Tnef() {
        out.writeBytes(le32(0x223E9F78));
        out.writeBytes(new byte[] {0x01, 0x00}); // legacy key
        attribute(LVL_MESSAGE, 0x0006, 0x9006, le32(0x00010000)); // attTnefVersion
        attribute(LVL_MESSAGE, 0x0007, 0x8008, "IPM.Microsoft Mail.Note\0".getBytes(StandardCharsets.US_ASCII));
    }

    /** An attached file; the short title in GBK as Chinese Windows writes it. */
    public Tnef attach(String longName, byte[] content) {
        attribute(LVL_ATTACHMENT, 0x0006, 0x9002, new byte[] {1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            0, 0, 0, 0, 0, 0}); // attAttachRendData: starts the attachment
        Charset gbk = Charset.forName("GBK");
        attribute(LVL_ATTACHMENT, 0x0001, 0x8010, (shortName(longName) + "\0").getBytes(gbk));
        attribute(LVL_ATTACHMENT, 0x0006, 0x800F, content);
        ByteArrayOutputStream mapi = new ByteArrayOutputStream();
        mapi.writeBytes(le32(1));                       // one property
        mapi.writeBytes(le16(0x001F));                  // PT_UNICODE
        mapi.writeBytes(le16(0x3707));                  // PR_ATTACH_LONG_FILENAME
        mapi.writeBytes(le32(1));                       // one value
        byte[] name = (longName + "\0").getBytes(StandardCharsets.UTF_16LE);
        mapi.writeBytes(le32(name.length));
        mapi.writeBytes(name);
        mapi.writeBytes(new byte[(4 - name.length % 4) % 4]);
        attribute(LVL_ATTACHMENT, 0x0006, 0x9005, mapi.toByteArray());
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private static String shortName(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        return (name.length() > 8 ? name.substring(0, 6) + "~1" : name.substring(0, dot < 0 ? name.length() : dot)) + ext;
    }

    private void attribute(int level, int type, int id, byte[] data) {
        out.write(level);
        out.writeBytes(le16(id));
        out.writeBytes(le16(type));
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        int sum = 0;
        for (byte b : data) {
            sum = (sum + (b & 0xFF)) & 0xFFFF;
        }
        out.writeBytes(le16(sum));
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] le16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }
}
