package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguagesTest {
    @Test
    void commonLanguagesAreRecognised() {
        assertEquals("en", Languages.detect("Please find attached the report that we discussed at the meeting, and let me know if you have any questions."));
        assertEquals("de", Languages.detect("Ich habe den Bericht angehängt, den wir in der Sitzung besprochen haben, und es ist nicht fertig."));
        assertEquals("fr", Languages.detect("Vous trouverez ci-joint le rapport dont nous avons parlé pendant la réunion, et il est pour demain."));
        assertEquals("es", Languages.detect("Adjunto el informe que hablamos en la reunión, pero no está terminado y es para el lunes que viene."));
        assertEquals("ru", Languages.detect("Пожалуйста, найдите во вложении отчёт, который мы обсуждали на встрече вчера вечером."));
        assertEquals("ja", Languages.detect("いつもＥＴＣマイレージサービスをご利用いただき誠にありがとうございます。本メールはお知らせメールを希望されている方にお送りしています。"));
        assertEquals("zh", Languages.detect("我们在会议上讨论的报告已经附上，如果您有任何问题，请告诉我。谢谢您的合作，祝您工作顺利，身体健康。"));
    }

    @Test
    void shortOrWordlessTextHasNoLanguage() {
        assertEquals("", Languages.detect("Thanks!"));
        assertEquals("", Languages.detect(""));
        assertEquals("", Languages.detect("12345 67890 ---- ==== 3.14159 2.71828 1.41421 1.73205 0.57721 4.6692"));
    }
}
