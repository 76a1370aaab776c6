package dossier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.model.RawInput.Hint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {
    @TempDir Path dir;

    private static final String MESSAGE = "Message-ID: <1.JavaMail.evans@thyme>\nDate: Mon, 14 May 2001 16:39:00 -0700\n"
            + "From: phillip.allen@enron.com\nSubject: \n\nHere is our forecast\n";

    private RawInput only(Collected c) {
        assertEquals(List.of(), c.problems);
        assertEquals(1, c.inputs.size());
        return c.inputs.get(0);
    }

    @Test
    void enronStyleFileWithHeadersIsOneEmail() throws Exception {
        RawInput in = only(Collected.open(dir, "allen-p/_sent_mail/1.", MESSAGE));
        assertEquals(new RawInput("allen-p/_sent_mail/1.", "1.", Hint.EMAIL, MESSAGE.getBytes(StandardCharsets.UTF_8)).source(),
                in.source());
        assertEquals("1.", in.name());
        assertEquals(Hint.EMAIL, in.hint());
        assertEquals(MESSAGE, new String(in.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void emlFileIsOneEmailWhateverItHolds() throws Exception {
        assertEquals(Hint.EMAIL, only(Collected.open(dir, "odd.EML", "not even headers")).hint());
    }

    @Test
    void maildirCurAndNewFilesAreEmails() throws Exception {
        String minimal = "X-Whatever: 1\n\nbody\n";
        assertEquals(Hint.EMAIL, only(Collected.open(dir, "Maildir/cur/1234.M1P2.host:2,S", minimal)).hint());
        assertEquals(Hint.EMAIL, only(Collected.open(dir, "Maildir/new/1234.M1P3.host", minimal)).hint());
        assertEquals(Hint.FILE, only(Collected.open(dir, "Maildir/other/1234.M1P3.host", minimal)).hint());
    }

    @Test
    void documentInAFolderCalledNewIsNotAnEmail() throws Exception {
        assertEquals(Hint.FILE, only(Collected.open(dir, "project/new/report.pdf", "%PDF-1.4\n%...\n")).hint());
    }

    @Test
    void textThatMerelyMentionsHeadersIsAFile() throws Exception {
        assertEquals(Hint.FILE, only(Collected.open(dir, "notes.txt", "Subject: groceries\n\nmilk\n")).hint());
        assertEquals(Hint.FILE, only(Collected.open(dir, "cfg", "Name: x\nColor: blue\nSize: 3\n")).hint());
        assertEquals(Hint.FILE, only(Collected.open(dir, "letter.txt", "From my desk, hello\n")).hint());
    }

    @Test
    void plainFileIsOneInputNamedAfterItself() throws Exception {
        RawInput in = only(Collected.open(dir, "docs/q3/plan.csv", "a,b\n1,2\n"));
        assertEquals(new RawInput("docs/q3/plan.csv", "plan.csv", Hint.FILE, in.bytes()), in);
    }

    @Test
    void emptyFileIsAProblem() throws Exception {
        Collected c = Collected.open(dir, "empty.txt", "");
        assertEquals(List.of(), c.inputs);
        assertEquals(List.of(new Problem("empty.txt", Problem.SOURCE, "empty file")), c.problems);
    }

    @Test
    void fileLargerThanTheLimitIsAProblemNotRead() throws Exception {
        Limits small = new Limits(10, 4, 10, 10, 10, 10, Duration.ofSeconds(1));
        Collected c = Collected.open(dir, "big.bin", new byte[11], small);
        assertEquals(List.of(new Problem("big.bin", Problem.LIMIT, "larger than 10 bytes")), c.problems);
    }

    @Test
    void vanishedFileIsAProblemWithoutTheLocalPath() {
        Collected c = new Collected();
        new Sources(Limits.DEFAULT).open(new SourceFile(dir.resolve("gone.txt"), "d/gone.txt", 3), c);
        assertEquals(List.of(new Problem("d/gone.txt", Problem.SOURCE, "not a regular file")), c.problems);
    }

    @Test
    void headersAfterAByteOrderMarkOrWithObsoleteSpacingAreEmail() throws Exception {
        assertEquals(Hint.EMAIL, only(Collected.open(dir, "bom.txt", "\ufeffFrom: a@b\nDate: Thu, 8 Mar 2005\n\nx\n")).hint());
        assertEquals(Hint.EMAIL, only(Collected.open(dir, "old.msg", "Subject :old\nFrom : a@b\n\nx\n")).hint());
    }

    @Test
    void mimeEntityWithoutAddressHeadersIsEmail() throws Exception {
        String mime = "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x\n\nhi\n--x--\n";
        assertEquals(Hint.EMAIL, only(Collected.open(dir, "part.msg", mime)).hint());
    }
}
