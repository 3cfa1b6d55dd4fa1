#import <Foundation/Foundation.h>

// Marker header so CocoaPods builds the support pod; the pod itself exists for its prepare step and
// post_install hook.
FOUNDATION_EXPORT double RNBootstrapSupportVersionNumber;
