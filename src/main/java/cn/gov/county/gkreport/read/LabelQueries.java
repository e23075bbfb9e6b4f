package cn.gov.county.gkreport.read;

import java.util.HashSet;
import java.util.Set;

/**
 * What the locators asked of the template's sheets: the label keys looked up, the normalised
 * fragments searched for, and the anchors the sheets were chosen by.
 */
record LabelQueries(Set<String> keys, Set<String> fragments, Set<String> anchors) {

    LabelQueries() {
        this(new HashSet<>(), new HashSet<>(), new HashSet<>());
    }
}
