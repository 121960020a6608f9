package dev.prepdeck.notes;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether a section title already asks a question, and how to ask about a topic that does not. */
final class QuestionRules {
    private static final Set<String> ENGLISH_OPENERS = Set.of("describe", "what", "what's", "whats", "how", "why",
            "when", "which", "who", "where", "explain", "compare", "contrast", "define", "tell", "walk", "give",
            "can", "could", "should", "would", "does", "did");
    private static final List<String> ENGLISH_CUES = List.of("difference between", "differences between", " vs ",
            " vs. ", " versus ");
    private static final List<String> CHINESE_CUES = List.of("什么", "怎么", "如何", "为什么", "为何", "区别", "优缺点",
            "优点", "缺点", "哪些", "哪个", "吗", "是否", "多少", "对比", "比较", "介绍一下", "谈谈", "说说", "描述", "简述");
    private static final Pattern TOPIC_OF_QUESTION = Pattern.compile(
            "^(?i)(?:what|which)\\s+(?:is|are)\\s+(?:the\\s+)?|^(?i)(?:describe|explain|list|name)\\s+(?:the\\s+)?");
    private static final Pattern RESOURCE_TITLE = Pattern.compile(
            "(?i).*(资料|参考|链接|阅读|教程|resources?|links?|references?|further reading|reading list|bibliography).*");

    private QuestionRules() {
    }

    static boolean isQuestion(String title) {
        String text = NotesText.plain(title).strip();
        if (text.isEmpty()) {
            return false;
        }
        if (text.endsWith("?") || text.endsWith("？") || text.endsWith(".") || text.endsWith("。")) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String first = lower.split("[\\s,，:：]+")[0];
        if (ENGLISH_OPENERS.contains(first) || ENGLISH_CUES.stream().anyMatch(lower::contains)) {
            return true;
        }
        return CHINESE_CUES.stream().anyMatch(text::contains);
    }

    /** The title as the card's question: capitalised, and "what is X." asked with a question mark. */
    static String asQuestion(String title) {
        String question = capitalise(title.strip());
        String first = question.toLowerCase(Locale.ROOT).split("[\\s,，:：]+")[0];
        if (question.endsWith(".") && !question.endsWith("..") && ENGLISH_OPENERS.contains(first)
                && !first.equals("describe") && !first.equals("explain")) {
            question = question.substring(0, question.length() - 1) + "?";
        }
        return question;
    }

    static boolean chinese(String... texts) {
        for (String text : texts) {
            if (text != null && NotesText.hasHan(text)) {
                return true;
            }
        }
        return false;
    }

    static boolean isResourceTitle(String title) {
        return RESOURCE_TITLE.matcher(title).matches();
    }

    /** "what is the end to end ML life cycle." → "End to end ML life cycle". */
    static String topicOf(String question) {
        String topic = TOPIC_OF_QUESTION.matcher(question.strip()).replaceFirst("")
                .replaceAll("[?？.。!！]+$", "").strip();
        return capitalise(topic.isEmpty() ? question : topic);
    }

    static String capitalise(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "What is X?" / "什么是X？" for plain text, "Explain X." / "请解释X。" when the text is a worked example. */
    static String topicQuestion(String title, String context, boolean example, boolean chinese) {
        String about = context == null ? "" : chinese ? "（" + context + "）" : " (" + context + ")";
        if (chinese) {
            return example ? "请解释" + title + about + "。" : "什么是" + title + about + "？";
        }
        return example ? "Explain " + title + about + "." : "What is " + title + about + "?";
    }

    static String resourceQuestion(String about, boolean chinese) {
        return chinese ? about + "有哪些学习资料？" : "What resources are there for " + about + "?";
    }

    static String orderQuestion(String topic, int count, boolean numbered, boolean chinese) {
        if (chinese) {
            return topic + (numbered ? "依次有哪" + count + "个步骤？" : "包括哪" + count + "项？");
        }
        return "What are the " + count + (numbered ? " steps of " : " parts of ") + topic + ", in order?";
    }

    static String itemQuestion(String topic, String item, List<String> fields, boolean chinese) {
        if (chinese) {
            return topic + "：「" + item + "」的" + String.join("和", fields) + "是什么？";
        }
        List<String> lower = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        String joined = lower.size() == 1 ? lower.get(0)
                : String.join(", ", lower.subList(0, lower.size() - 1)) + " and " + lower.get(lower.size() - 1);
        return topic + ": what " + (lower.size() == 1 && !lower.get(0).endsWith("s") ? "is" : "are") + " the "
                + joined + " of " + item + "?";
    }
}
