package cn.gov.county.gkreport.mail.inbox;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import cn.gov.county.gkreport.mail.MailSessions;
import cn.gov.county.gkreport.mail.MailSettings;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

/**
 * The office mailbox as the intake sees it: the configured folder (read-only over POP3), its messages
 * oldest first, and marking a message as taken: moved to the processed folder (created when missing)
 * or flagged \Seen. Over POP3 nothing can be marked: messages stay and are recognised by Message-ID.
 */
final class MailboxFolders implements AutoCloseable {

    private final MailSettings.Mailbox box;
    private final Store store;
    private final Folder folder;
    private final Folder processed;
    private int moved;
    private int marked;

    private MailboxFolders(MailSettings.Mailbox box, Store store, Folder folder, Folder processed) {
        this.box = box;
        this.store = store;
        this.folder = folder;
        this.processed = processed;
    }

    /** Connects and opens the configured folder; a missing folder is an error, a missing processed folder is created. */
    static MailboxFolders open(MailSettings settings) throws MessagingException {
        MailSettings.Mailbox box = settings.mailbox();
        Store store = MailSessions.store(settings).getStore(box.protocol());
        try {
            store.connect(box.host(), box.effectivePort(), box.username(), box.password());
            Folder folder = store.getFolder(box.folder());
            if (!folder.exists()) {
                throw new MessagingException("邮箱中没有文件夹 " + box.folder());
            }
            Folder processed = null;
            if (box.processedFolder() != null && !box.pop3()) {
                processed = store.getFolder(box.processedFolder());
                if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("无法在邮箱中创建文件夹 " + box.processedFolder());
                }
            }
            folder.open(box.pop3() ? Folder.READ_ONLY : Folder.READ_WRITE);
            return new MailboxFolders(box, store, folder, processed);
        } catch (MessagingException | RuntimeException e) {
            try {
                store.close();
            } catch (MessagingException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    String name() {
        return folder.getFullName();
    }

    /** The folder's messages, oldest first by {@code received}, without those already deleted. */
    List<Message> oldestFirst(Function<Message, LocalDateTime> received) throws MessagingException {
        Message[] all = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add("Message-ID");
        if (folder instanceof UIDFolder) {
            profile.add(UIDFolder.FetchProfileItem.UID);
        }
        folder.fetch(all, profile);
        List<Message> ordered = new ArrayList<>(Arrays.asList(all));
        ordered.sort(Comparator.comparing(received));
        List<Message> present = new ArrayList<>();
        for (Message message : ordered) {
            if (!message.isExpunged() && !(message.isSet(Flags.Flag.DELETED) && !box.pop3())) {
                present.add(message);
            }
        }
        return present;
    }

    /** Moves the message to the processed folder, or flags it \Seen (nothing over POP3). */
    void mark(Message message) throws MessagingException {
        if (box.pop3()) {
            return;
        }
        if (processed != null) {
            folder.copyMessages(new Message[] {message}, processed);
            message.setFlag(Flags.Flag.DELETED, true);
            moved++;
        } else if (!message.isSet(Flags.Flag.SEEN)) {
            message.setFlag(Flags.Flag.SEEN, true);
        }
        marked++;
    }

    /** How many messages this run marked. */
    int marked() {
        return marked;
    }

    /** Closes the folder, expunging the messages moved to the processed folder, then the connection. */
    @Override
    public void close() throws MessagingException {
        try {
            folder.close(moved > 0);
        } finally {
            store.close();
        }
    }
}
